import { ApiKeysService, Role } from '@app/auth';
import { addDays, makeCreditCode, shanghaiDate } from '@app/credit';
import { DisclosureReader, PublicViewCache } from '@app/disclosures';
import { EventsService, SubjectsService } from '@app/registry';
import type { Express } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { TestApi } from '../support/api-app';
import { startApiWith } from '../support/api-with-env';
import { resetDatabase } from '../support/database';
import { waitFor } from '../support/wait-for';

/**
 * The public disclosure edge (apps/api public-edge): a cache hit on GET/HEAD /public/disclosures/{id} is answered on
 * the server's request event, before Express. Its answers must be the controller's (every header but the date and
 * the request id), and anything but a plain hit must reach Express. Whether Express ran is seen on the app's
 * `handle`, which every request that reaches Express goes through.
 */
const AUTHORITY = '重庆市医疗保障局';
const today = shanghaiDate(new Date());
const decidedOn = addDays(today, -21);
const period = decidedOn.slice(0, 7);
const code = makeCreditCode('12500000880000001');
/** Per connection or per moment, not per answer. */
const VARYING = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);
/** A documentation-range address per test, so its public rate-limit bucket starts empty (trust proxy: loopback). */
const ip = (): string => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

let api: TestApi;
let uncached: TestApi;
let cors: TestApi;
let id: string;
const SITE = 'https://public-site.example.org';

beforeAll(async () => {
  const env = { DISCLOSURE_AUTO_PUBLISH: '', DISCLOSURE_CACHE_MAX_AGE: '60', RATE_LIMIT_PER_MINUTE_PUBLIC: '30', RATE_LIMIT_REST_COST: '10' };
  api = await startApiWith(env);
  uncached = await startApiWith({ ...env, DISCLOSURE_CACHE_ENTRIES: '0' });
  cors = await startApiWith({ ...env, CORS_ORIGINS: SITE });
  await resetDatabase(api.dataSource);
  const regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'bureau', 'test')).secret;
  await api.app.get(SubjectsService).register([{ type: 'MEDICAL_INSTITUTION', name: '重庆市边缘测试医院', creditCode: code, regionCode: '500101', agreementSignedOn: '2015-01-01' }], 'test');
  await api.app.get(EventsService).record(
    [{ sourceSystem: 'EDGE-TEST', sourceRef: '1', authority: AUTHORITY, regionCode: '500101', occurredOn: addDays(decidedOn, -30), decidedOn, creditCode: code, type: 'PENALTY_ART38', legalBasis: '条例第38条', decisionNo: '渝医保罚〔2026〕1号', fineFen: 100000, amountInvolvedFen: 100000, fineMultiple: 1 }],
    'test',
  );
  const gql = async (query: string, variables: Record<string, unknown>) => (await api.gql(query, variables, regulator).expect(200)).body.data;
  id = (await gql('mutation ($p: String!) { generateDisclosure(kind: PENALTY_NOTICE, period: $p) { id } }', { p: period })).generateDisclosure.id;
  await gql('mutation ($id: ID!) { publishDisclosure(id: $id) { id } }', { id });
  for (const t of [api, cors]) {
    await waitFor(async () => {
      await request(t.app.getHttpServer()).get('/public/disclosures/0').set('x-forwarded-for', ip()).expect(404); // its own budget
      return t.app.get(PublicViewCache).live;
    }, 5000);
  }
});
afterAll(async () => {
  await api?.close();
  await uncached?.close();
  await cors?.close();
});

const path = () => `/public/disclosures/${id}`;
/** A request from its own IP; `calls` counts the requests that reached Express. */
function server(t: TestApi): { http: () => request.SuperTest<request.Test>; calls: jest.SpyInstance } {
  const express = t.app.getHttpAdapter().getInstance() as Express & { handle: (...args: unknown[]) => void };
  return { http: () => request(t.app.getHttpServer()) as unknown as request.SuperTest<request.Test>, calls: jest.spyOn(express, 'handle') };
}
/** From its own IP (or `addr`), asking for identity unless the test sets Accept-Encoding (supertest asks for gzip). */
const from = (r: request.Test, addr = ip()) => r.set('x-forwarded-for', addr).set('accept-encoding', 'identity');
const stable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([h]) => !VARYING.has(h)).sort(([x], [y]) => x.localeCompare(y)));

afterEach(() => jest.restoreAllMocks());

describe('the public disclosure edge', () => {
  it('answers a hit before Express with exactly the controller\'s headers and body', async () => {
    const { http, calls } = server(api);
    // The controller's answer, on the replica without a cache, and the one that fills this replica's cache.
    const controller = await from(server(uncached).http().get(path())).expect(200);
    await from(http().get(path())).expect(200);
    expect(api.app.get(DisclosureReader).ready(id)).toBeDefined();
    calls.mockClear();
    const hit = await from(http().get(path())).expect(200);
    expect(calls).not.toHaveBeenCalled();
    expect(hit.text).toBe(controller.text);
    expect(stable(hit.headers)).toEqual(stable(controller.headers));
    expect(hit.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(hit.headers['ratelimit-remaining']).toBe('20'); // 30 per minute, 10 a request: charged as Express charges
    expect(hit.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers HEAD with the GET headers and no body', async () => {
    const { http, calls } = server(api);
    const addr = ip();
    const get = await from(http().get(path()), addr).expect(200);
    const head = await from(http().head(path()), addr).expect(200);
    expect(calls).not.toHaveBeenCalled();
    expect(head.text ?? '').toBe('');
    const { 'ratelimit-remaining': r1, ...g } = stable(get.headers);
    const { 'ratelimit-remaining': r2, ...h } = stable(head.headers);
    expect(h).toEqual(g);
    expect([r1, r2]).toEqual(['20', '10']);
    // HEAD on the controller's path: the same headers.
    const controllerHead = await from(server(uncached).http().head(path())).expect(200);
    const { 'ratelimit-remaining': r3, ...c } = stable(controllerHead.headers);
    expect(c).toEqual(h);
    expect(r3).toBe('20'); // a fresh IP's first request
  });

  it('answers 304 to If-None-Match (identity or gzip ETag) with the controller\'s 304 headers', async () => {
    const { http, calls } = server(api);
    const plain = await from(http().get(path()).set('accept-encoding', 'identity')).expect(200);
    const zipped = await from(http().get(path())).set('accept-encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    const notModified = await from(http().get(path()).set('if-none-match', plain.headers.etag)).expect(304);
    // The 304 names the ETag the client holds (the one that matched), as the controller's does.
    await from(http().get(path()).set('if-none-match', `W/${zipped.headers.etag}`)).set('accept-encoding', 'gzip').expect(304).expect('etag', zipped.headers.etag);
    await from(http().get(path()).set('if-none-match', plain.headers.etag)).set('accept-encoding', 'gzip').expect(304).expect('etag', plain.headers.etag);
    expect(calls).not.toHaveBeenCalled();
    const controller = await from(server(uncached).http().get(path()).set('if-none-match', plain.headers.etag)).expect(304);
    expect(stable(notModified.headers)).toEqual(stable(controller.headers));
  });

  it('keeps a well-formed X-Request-Id and replaces a malformed one, as the logging module does', async () => {
    const { http } = server(api);
    await from(http().get(path()).set('x-request-id', 'abc.DEF-123_x')).expect('x-request-id', 'abc.DEF-123_x');
    const bad = await from(http().get(path()).set('x-request-id', 'no spaces allowed')).expect(200);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes the access log line pino-http writes: id, method, path without the query, status, time', async () => {
    const root = PinoLogger.root;
    jest.spyOn(root, 'isLevelEnabled').mockReturnValue(true);
    const lines: unknown[][] = [];
    jest.spyOn(root, 'info').mockImplementation((...args: unknown[]) => void lines.push(args));
    await from(server(api).http().get(`${path()}?utm=1`).set('x-request-id', 'log-test-1')).expect(200);
    await waitFor(() => lines.length > 0, 2000);
    expect(lines[0]).toEqual([{ req: { id: 'log-test-1', method: 'GET', path: path() }, res: { statusCode: 200 }, responseTime: expect.any(Number) }, 'request completed']);
  });

  it('refuses past the public budget in Express\'s shape (429 RATE_LIMITED, Retry-After)', async () => {
    const { http } = server(api);
    const addr = ip();
    for (const left of ['20', '10', '0']) await from(http().get(path()), addr).expect(200).expect('ratelimit-remaining', left);
    const refused = await from(http().get(path()), addr).expect(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['an Authorization header (the guard must judge the key)', (p: string) => ({ p, auth: 'Bearer yk_nope', status: 401 })],
    ['a trailing slash', (p: string) => ({ p: `${p}/`, status: 200 })],
    ['the CSV', (p: string) => ({ p: `${p}/items.csv`, status: 200 })],
    ['an id that is not a number', () => ({ p: '/public/disclosures/abc', status: 404 })],
    ['an id not in the cache', () => ({ p: '/public/disclosures/999999', status: 404 })],
  ])('hands %s to Express', async (_name, shape) => {
    const { http, calls } = server(api);
    const { p, auth, status } = shape(path()) as { p: string; auth?: string; status: number };
    const req = from(http().get(p));
    if (auth) req.set('authorization', auth);
    await req.expect(status);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('hands other methods to Express', async () => {
    const { http, calls } = server(api);
    await from(http().post(path()).send({})).expect(404);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('hands a request with an Origin to Express (its CORS middleware) when CORS is configured', async () => {
    const { http, calls } = server(cors);
    await from(http().get(path())).expect(200);
    expect(cors.app.get(DisclosureReader).ready(id)).toBeDefined();
    calls.mockClear();
    await from(http().get(path())).expect(200);
    expect(calls).not.toHaveBeenCalled();
    const withOrigin = await from(http().get(path())).set('origin', SITE).expect(200);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(withOrigin.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('hands everything to Express when the cache is off (DISCLOSURE_CACHE_ENTRIES=0)', async () => {
    const { http, calls } = server(uncached);
    const addr = ip();
    await from(http().get(path()), addr).expect(200);
    await from(http().get(path()), addr).expect(200);
    await from(http().head(path()), addr).expect(200);
    expect(calls).toHaveBeenCalledTimes(3);
  });
});
