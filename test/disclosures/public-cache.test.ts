import { ApiKeysService, Role } from '@app/auth';
import { addDays, DisclosureKind, makeCreditCode, shanghaiDate } from '@app/credit';
import { DisclosureReader, DisclosureService, PublicViewCache } from '@app/disclosures';
import { EventCorrectionsService, EventsService, SubjectsService } from '@app/registry';
import Redis from 'ioredis';
import { createServer } from 'node:net';
import request from 'supertest';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { waitFor } from '../support/wait-for';

/**
 * The public view cache across API replicas: two APIs in process share the database and Redis (a third is pointed
 * at a Redis that is not there). Changes are made through replica A's GraphQL (or the service, as the worker
 * does); replica B must show them on its very next request although its hits read no database.
 */
const AUTHORITY = '重庆市医疗保障局';
const today = shanghaiDate(new Date());
const decidedOn = addDays(today, -21);
const period = decidedOn.slice(0, 7);
const codes = Array.from({ length: 3 }, (_, i) => makeCreditCode(`1250000077${String(i).padStart(7, '0')}`));
const saved = { ...process.env };
let a: TestApi;
let b: TestApi;
let regulator: string;

beforeAll(async () => {
  Object.assign(process.env, { DISCLOSURE_AUTO_PUBLISH: '', DISCLOSURE_CACHE_MAX_AGE: '60' });
  a = await startApi();
  b = await startApi();
  await resetDatabase(a.dataSource);
  regulator = (await a.app.get(ApiKeysService).create(Role.REGULATOR, 'bureau', 'test')).secret;
});
afterAll(async () => {
  process.env = saved;
  await a?.close();
  await b?.close();
});

const get = (api: TestApi, path: string) => request(api.app.getHttpServer()).get(path);
/** Until the replica's cache is subscribed (a public read starts the subscription). */
const live = (api: TestApi) =>
  waitFor(async () => {
    await get(api, '/public/disclosures/0').expect(404);
    return api.app.get(PublicViewCache).live;
  }, 5000);

async function gql(query: string, variables: Record<string, unknown>): Promise<Record<string, { id: string; version: number; status: string }>> {
  const res = await a.gql(query, variables, regulator).expect(200);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}
const generate = async () => (await gql('mutation ($p: String!) { generateDisclosure(kind: PENALTY_NOTICE, period: $p) { id version status } }', { p: period })).generateDisclosure;
const publish = async (id: string) => (await gql('mutation ($id: ID!) { publishDisclosure(id: $id) { id version status } }', { id })).publishDisclosure;

async function penalty(ref: string, code: string, fineFen: number): Promise<string> {
  const result = await a.app.get(EventsService).record(
    [{ sourceSystem: 'CACHE-TEST', sourceRef: ref, authority: AUTHORITY, regionCode: '500101', occurredOn: addDays(decidedOn, -30), decidedOn, creditCode: code, type: 'PENALTY_ART38', legalBasis: '条例第38条', decisionNo: `渝医保罚〔2026〕${ref}号`, fineFen, amountInvolvedFen: fineFen, fineMultiple: 1 }],
    'test',
  );
  return result.events[0].id;
}

let v1: string;
let v2: string;

describe('the public disclosure cache across replicas', () => {
  it('B serves hits from ready bytes with the controller\'s headers; a publish through A supersedes on B at once', async () => {
    await a.app.get(SubjectsService).register(
      codes.map((c, i) => ({ type: 'MEDICAL_INSTITUTION', name: `重庆市第${i + 1}缓存测试医院`, creditCode: c, regionCode: '500101', agreementSignedOn: '2015-01-01' })),
      'test',
    );
    await penalty('1', codes[0], 100000);
    v1 = (await generate()).id;
    expect(await publish(v1)).toMatchObject({ status: 'PUBLISHED', version: 1 });
    await live(b);

    const miss = await get(b, `/public/disclosures/${v1}`).expect(200); // built (stamp path) and kept
    expect(b.app.get(DisclosureReader).ready(v1)).toBeDefined();
    const one = jest.spyOn(b.app.get(DisclosureReader), 'one');
    // The fast path: the controller (and so the reader's read) never runs.
    const hit = await get(b, `/public/disclosures/${v1}`).set('accept-encoding', 'identity').expect(200);
    // A browser's request: the body compressed once when cached, another ETag (another representation).
    const zipped = await get(b, `/public/disclosures/${v1}`).set('accept-encoding', 'gzip, deflate, br').expect(200);
    expect(one).not.toHaveBeenCalled();
    one.mockRestore();
    expect(hit.text).toBe(miss.text);
    for (const h of ['etag', 'cache-control', 'vary', 'content-type', 'content-length']) expect([h, hit.headers[h]]).toEqual([h, miss.headers[h]]);
    expect(hit.headers['x-request-id']).toMatch(/.+/);
    expect(hit.headers['content-encoding']).toBeUndefined();
    expect(hit.body.items).toHaveLength(1);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.text).toBe(miss.text); // supertest gunzips
    expect(zipped.headers.etag).not.toBe(miss.headers.etag);
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    await get(b, `/public/disclosures/${v1}`).set('accept-encoding', 'gzip;q=0').expect('etag', miss.headers.etag);
    await get(b, `/public/disclosures/${v1}`).set('if-none-match', miss.headers.etag).expect(304);
    await get(b, `/public/disclosures/${v1}`).set('if-none-match', zipped.headers.etag).expect(304);
    // A bad key is refused even when the answer is cached: the guard still runs for any Authorization header.
    await get(b, `/public/disclosures/${v1}`).set('authorization', 'Bearer yk_nope').expect(401);

    await penalty('2', codes[1], 200000);
    v2 = (await generate()).id;
    // Not yet published: B still has v1, and v2 is not public.
    await get(b, `/public/disclosures/${v2}`).expect(404);
    expect(await publish(v2)).toMatchObject({ status: 'PUBLISHED', version: 2 });
    // Right after publishDisclosure returned on A: B no longer serves the superseded version, and serves the new one.
    await get(b, `/public/disclosures/${v1}`).expect(404);
    const now2 = await get(b, `/public/disclosures/${v2}`).expect(200);
    expect(now2.body).toMatchObject({ version: 2, correctionNote: expect.stringMatching(/第1版/) });
    expect(now2.body.items).toHaveLength(2);
  });

  it('an item withdrawn by the rescore run (another process) shows on B at once as 撤回公告', async () => {
    await get(b, `/public/disclosures/${v2}`).expect(200);
    expect(b.app.get(DisclosureReader).ready(v2)).toBeDefined();
    const [row] = await a.dataSource.query(`SELECT event_id FROM disclosure_items WHERE disclosure_id = ? ORDER BY item_key LIMIT 1`, [v2]);
    const [subject] = await a.dataSource.query('SELECT subject_id FROM events WHERE id = ?', [row.event_id]);
    await a.app.get(EventCorrectionsService).revoke(String(row.event_id), '经行政复议撤销', 'test');
    expect(await a.app.get(DisclosureService).refreshSubjects([String(subject.subject_id)])).toBe(1);
    const after = await get(b, `/public/disclosures/${v2}`).expect(200);
    expect(after.body.items.filter((i: { withdrawn?: boolean }) => i.withdrawn)).toEqual([expect.objectContaining({ notice: '撤回公告', reason: '经行政复议撤销', withdrawnOn: today })]);
  });

  it('a withdrawal through A removes the disclosure from B at once, also over GraphQL', async () => {
    await get(b, `/public/disclosures/${v2}`).expect(200);
    expect(b.app.get(DisclosureReader).ready(v2)).toBeDefined();
    await gql('mutation ($id: ID!) { withdrawDisclosure(id: $id, reason: "信息有误") { id status } }', { id: v2 });
    await get(b, `/public/disclosures/${v2}`).expect(404);
    const viaGraphql = await b.gql('query ($id: ID!) { disclosure(id: $id) { id } }', { id: v2 }).expect(200);
    expect(viaGraphql.body.data.disclosure).toBeNull();
    // Published again (a new draft), for the tests below.
    await penalty('3', codes[2], 300000);
    v2 = (await generate()).id;
    await publish(v2);
  });

  it('expiry by date: an entry is for one Shanghai day, and a disclosure past its end is gone from the cached path too', async () => {
    const reader = b.app.get(DisclosureReader);
    const now = new Date();
    expect(await reader.one(v2, {}, now)).not.toBeNull();
    expect(reader.ready(v2, now.getTime())).toBeDefined();
    // At most the public max-age (60 s here) even with no announcement: a missed message cannot keep content forever.
    expect(reader.ready(v2, now.getTime() + 61_000)).toBeUndefined();
    // The next Shanghai midnight (UTC+8): an entry built just before it is not served from then on.
    const midnight = (Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000) + 1) * 86_400_000 - 8 * 3_600_000;
    expect(await reader.one(v2, {}, new Date(midnight - 10_000))).not.toBeNull();
    expect(reader.ready(v2, midnight - 1)).toBeDefined();
    expect(reader.ready(v2, midnight)).toBeUndefined();
    // Art.38 penalties are public for a limited time: years later the notice is gone from every public read.
    const later = new Date(now.getTime() + 4 * 366 * 86_400_000);
    expect(await reader.one(v2, {}, now)).not.toBeNull();
    expect(await reader.one(v2, {}, later)).toBeNull();
  });

  it('Redis down: a replica that cannot reach it still serves, from the database, and sees every change at once', async () => {
    const port = await closedPort();
    const previous = process.env.REDIS_PORT;
    process.env.REDIS_PORT = String(port);
    const c = await startApi();
    process.env.REDIS_PORT = previous;
    try {
      const fromB = await get(b, `/public/disclosures/${v2}`).expect(200);
      const first = await get(c, `/public/disclosures/${v2}`).expect(200);
      const second = await get(c, `/public/disclosures/${v2}`).expect(200);
      expect(first.text).toBe(fromB.text);
      expect(second.headers.etag).toBe(fromB.headers.etag);
      expect(c.app.get(PublicViewCache).live).toBe(false);
      expect(c.app.get(DisclosureReader).ready(v2)).toBeUndefined();
      // A change made elsewhere shows on C at once (it reads the row's stamp on every request while Redis is away).
      await a.app.get(DisclosureService).withdraw(v2, '信息有误', 'test');
      await get(c, `/public/disclosures/${v2}`).expect(404);
    } finally {
      await c.close();
    }
  });

  it('a lost subscription empties the cache and stops its use until it is back', async () => {
    await penalty('4', codes[0], 400000);
    const id = (await generate()).id;
    await publish(id);
    await get(b, `/public/disclosures/${id}`).expect(200);
    expect(b.app.get(DisclosureReader).ready(id)).toBeDefined();
    // Kill B's subscriber connection (by its name) as a Redis restart would.
    const admin = new Redis({ host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT), lazyConnect: true });
    try {
      const clients = String(await admin.client('LIST')).split('\n');
      const prefix = process.env.QUEUE_PREFIX ?? 'yibao';
      const ids = clients.filter((l) => l.includes(`name=${prefix}:disclosure-views`)).map((l) => /(?:^| )id=(\d+)/.exec(l)![1]);
      expect(ids.length).toBeGreaterThanOrEqual(1); // B's (and A's, if A has read)
      for (const cid of ids) await admin.client('KILL', 'ID', cid);
    } finally {
      admin.disconnect();
    }
    await waitFor(async () => !b.app.get(PublicViewCache).live || b.app.get(DisclosureReader).ready(id) === undefined, 5000);
    expect(b.app.get(DisclosureReader).ready(id)).toBeUndefined();
    await get(b, `/public/disclosures/${id}`).expect(200); // served meanwhile
    await live(b); // reconnected and resubscribed
    await get(b, `/public/disclosures/${id}`).expect(200);
    expect(b.app.get(DisclosureReader).ready(id)).toBeDefined();
  });
});

/** A local port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
