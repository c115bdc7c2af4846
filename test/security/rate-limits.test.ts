import { ApiKeysService, Role } from '@app/auth';
import { AppConfig } from '@app/config';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { TestApi } from '../support/api-app';
import { startApiWith } from '../support/api-with-env';
import { OwnRedis } from '../support/own-redis';

// Small budgets so a few requests exhaust them; the same settings for every instance of this file.
const LIMITS = {
  RATE_LIMIT_PER_MINUTE_REGULATOR: '100',
  RATE_LIMIT_PER_MINUTE_NDRC: '1015',
  RATE_LIMIT_PER_MINUTE_PUBLIC: '40',
  RATE_LIMIT_PER_MINUTE_AUDITOR: '150',
};
const VIEWER = '{ viewer { role } }'; // costs 2: the field and its one scalar
const aliases = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `v${i}: viewer { role }`).join(' ')} }`;
/** A documentation-range address per test run, so the public caller's bucket starts empty (trust proxy: loopback). */
const ip = (): string => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

let a: TestApi;
let b: TestApi;

beforeAll(async () => {
  a = await startApiWith(LIMITS);
  b = await startApiWith(LIMITS);
  // API key ids restart when a test database is reset, so an earlier file of this Jest worker may have spent
  // a budget under the id a key of this file gets: start from empty counters.
  const { host, port, password, prefix } = a.app.get(AppConfig).redis;
  const redis = new Redis({ host, port, password });
  try {
    const stale = await redis.keys(`${prefix}:ratelimit:*`);
    if (stale.length > 0) await redis.del(...stale);
  } finally {
    redis.disconnect();
  }
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const key = async (api: TestApi, role: Role): Promise<string> => (await api.app.get(ApiKeysService).create(role, `rate ${role}`, 'test')).secret;
const remaining = (res: request.Response): number => Number(res.headers['ratelimit-remaining']);

describe('rate limits per key, counted in query cost, shared through Redis', () => {
  it('refuses one key with RATE_LIMITED and Retry-After while another key keeps working', async () => {
    const [k1, k2] = [await key(a, Role.REGULATOR), await key(a, Role.REGULATOR)];
    const spend = await a.gql(aliases(50), undefined, k1); // 100 points: the whole budget
    expect(spend.status).toBe(200);
    expect(spend.headers['ratelimit-limit']).toBe('100');
    expect(remaining(spend)).toBe(0);

    const refused = await a.gql(VIEWER, undefined, k1);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 2, limit: 100 });
    expect(refused.body.errors[0].extensions.retryAfter).toBe(Number(refused.headers['retry-after']));

    const other = await a.gql(VIEWER, undefined, k2);
    expect(other.status).toBe(200);
    expect(other.body.data.viewer.role).toBe('REGULATOR');
  });

  it('once a key is refused, its further requests are refused before their body is read: no parse of a flood of bad documents or huge bodies', async () => {
    const [spent, fresh] = [await key(a, Role.REGULATOR), await key(a, Role.REGULATOR)];
    expect((await a.gql(aliases(50), undefined, spent)).status).toBe(200); // the whole budget
    expect((await a.gql(VIEWER, undefined, spent)).status).toBe(429); // refused: the window is spent

    const post = (secret: string, body: string) => request(a.app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${secret}`).set('content-type', 'application/json').send(body);
    const garbage = '{"query":"{ viewer { role "}';
    // Another key's bad document is parsed and refused as such: the gate knows only spent budgets.
    const parsed = await post(fresh, garbage);
    expect(parsed.status).toBe(400);
    expect(parsed.body.errors[0].extensions.code).not.toBe('RATE_LIMITED');

    const gated = await post(spent, garbage);
    expect(gated.status).toBe(429);
    expect(gated.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });
    expect(Number(gated.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(gated.headers['ratelimit-remaining']).toBe('0');

    // A body over the size limit from the spent key: 429 before reading it, not the parser's 413.
    const huge = JSON.stringify({ query: `{ viewer { role } } # ${'x'.repeat(9 * 1024 * 1024)}` });
    const big = await post(spent, huge).catch((e: { response?: request.Response }) => e.response);
    expect(big?.status).toBe(429);
    const bigFresh = await post(fresh, huge);
    expect(bigFresh.status).toBe(413);
  });

  it('counts aliases: a query with 50 aliases uses 50 times the budget of one', async () => {
    const k = await key(a, Role.AUDITOR); // 150 points a minute
    const one = await a.gql(VIEWER, undefined, k);
    const usedByOne = 150 - remaining(one);
    const fifty = await a.gql(aliases(50), undefined, k);
    expect(fifty.status).toBe(200);
    expect(fifty.body.data.v49.role).toBe('AUDITOR');
    const usedByFifty = remaining(one) - remaining(fifty);
    expect(usedByOne).toBe(2);
    expect(usedByFifty).toBe(50 * usedByOne);
    // Another 50 would need 100 points; 48 are left: refused whole, before any resolver runs. A refused
    // request still counts (rate-limiter-flexible's fixed window), so hammering does not refill the budget.
    const over = await a.gql(aliases(50), undefined, k);
    expect(over.status).toBe(429);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 50 * usedByOne });
    expect((await a.gql(VIEWER, undefined, k)).status).toBe(429);
  });

  it('two API instances share one budget through Redis', async () => {
    const k = await key(a, Role.REGULATOR);
    const onA = await a.gql(aliases(30), undefined, k); // 60 points on instance a
    expect(remaining(onA)).toBe(40);
    const onB = await b.gql(VIEWER, undefined, k); // b sees what a spent
    expect(remaining(onB)).toBe(38);
    expect((await b.gql(aliases(19), undefined, k)).status).toBe(200); // 38 more: exactly the 100 shared
    expect((await a.gql(VIEWER, undefined, k)).status).toBe(429); // a sees what b spent
    expect((await b.gql(VIEWER, undefined, k)).status).toBe(429);
  });

  it('charges a refused document (invalid, too deep) the REST cost, so a flood of them uses up the budget', async () => {
    const k = await key(a, Role.REGULATOR); // 100 points, 10 per refused document
    for (let i = 0; i < 10; i++) {
      const res = await a.gql(i % 2 ? '{ nope }' : '{ viewer { role }', undefined, k);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const next = await a.gql(VIEWER, undefined, k);
    expect(next.status).toBe(429);
    expect(next.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('limits the public caller per IP, and an unknown key is charged to its IP', async () => {
    const [ip1, ip2] = [ip(), ip()];
    const asPublic = (from: string, auth?: string) => {
      const req = request(a.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', from);
      if (auth) req.set('authorization', auth);
      return req.send({ query: aliases(10) }); // 20 points
    };
    expect((await asPublic(ip1)).status).toBe(200);
    const unknownKey = await asPublic(ip1, 'Bearer yc_not-a-real-key');
    expect(unknownKey.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const third = await asPublic(ip1);
    expect(third.status).toBe(429);
    expect(third.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await asPublic(ip2)).status).toBe(200);
  });

  it('REST routes cost a fixed amount each, a snapshot more: 429 with Retry-After and a JSON code', async () => {
    const k = await key(a, Role.NDRC);
    const http = request(a.app.getHttpServer());
    const changes = await http.get('/feeds/lists/SEVERE_DISHONESTY/changes?since=0&limit=100').set('authorization', `Bearer ${k}`);
    expect(changes.status).toBe(200);
    expect(remaining(changes)).toBe(1015 - 11); // 10 + 1 per 100 changes asked for
    const snapshot = await http.get('/feeds/lists/SEVERE_DISHONESTY/snapshot').set('authorization', `Bearer ${k}`);
    expect(snapshot.status).toBe(200);
    expect(remaining(snapshot)).toBe(4);
    const refused = await http.get('/feeds/lists/SEVERE_DISHONESTY/changes?since=0&limit=100').set('authorization', `Bearer ${k}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    // the GraphQL budget is the same one
    expect((await a.gql('{ viewer { role } }', undefined, k)).status).toBe(429);
  });
});

describe('Redis down: each API process keeps a local limit', () => {
  let redis: OwnRedis;
  let redisStopped = false;
  let c: TestApi;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    c = await startApiWith({ ...LIMITS, REDIS_PORT: String(redis.port) });
  });
  afterAll(async () => {
    await c?.close();
    if (!redisStopped) await redis?.down(); // OwnRedis.down() waits for an exit that a second call never sees
  });

  it('serves within the budget and refuses past it without Redis', async () => {
    const k = await key(c, Role.REGULATOR);
    expect(remaining(await c.gql(aliases(10), undefined, k))).toBe(80); // counted in this Redis
    await redis.down();
    redisStopped = true;
    const served = await c.gql(VIEWER, undefined, k);
    expect(served.status).toBe(200);
    expect(served.body.data.viewer.role).toBe('REGULATOR');
    // The local limiter starts its own count at the budget: 100 points, then 429.
    expect((await c.gql(aliases(49), undefined, k)).status).toBe(200);
    const refused = await c.gql(aliases(5), undefined, k);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await request(c.app.getHttpServer()).get('/health/live')).status).toBe(200);
  });
});
