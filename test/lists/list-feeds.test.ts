import { ApiKeysService, Role } from '@app/auth';
import { ListKind } from '@app/credit';
import { canonicalize } from '@app/lists';
import { Prng } from '@app/demo';
import request from 'supertest';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { applyLists, changesSince, desired, registerInstitutions, replay, sha256, snapshot } from './list-feeds-support';

let api: TestApi;
let ndrc: string;
let regulator: string;
let ids: string[];
const KS = ListKind.KEY_SUPERVISION;
const GC = ListKind.GOOD_CONDUCT;
const line = (entry: unknown) => `${canonicalize(entry)}\n`;

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  ndrc = (await api.app.get(ApiKeysService).create(Role.NDRC, 'commission', 'test')).secret;
  regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'reg', 'test')).secret;
  ids = await registerInstitutions(api, 40);
});
afterAll(() => api.close());

/** One writer: random memberships for random subjects (enter, leave, correct the legal basis: MODIFY). */
async function writer(rng: Prng, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    const subject = ids[rng.int(0, ids.length - 1)];
    const entries = [];
    if (rng.int(0, 2) > 0) entries.push(desired(KS, 'GRADE_D', { legalBasis: rng.int(0, 1) ? '条例第38条' : '条例第40条' }));
    if (rng.int(0, 3) === 0) entries.push(desired(GC, 'GRADE_A_TWO_YEARS'));
    await applyLists(api, subject, entries);
  }
}

describe('list feeds: snapshot(s1) + changes(s1..s2) = snapshot(s2)', () => {
  it('holds for random change sequences written by concurrent writers, also from a snapshot taken mid-way', async () => {
    for (let round = 0; round < 3; round++) {
      const s1 = await snapshot(api, ndrc, KS);
      const writers = [1, 2, 3, 4].map((w) => writer(new Prng(round * 10 + w, w), 30));
      // A snapshot taken while the writers commit is a consistent view at its own position.
      const mid = await snapshot(api, ndrc, KS);
      await Promise.all(writers);
      const s2 = await snapshot(api, ndrc, KS);
      for (const from of [s1, mid]) {
        const { changes, lastSeq } = await changesSince(api, ndrc, KS, from.seq);
        expect(lastSeq).toBe(s2.seq);
        expect(changes.map((c) => c.seq)).toEqual(Array.from({ length: s2.seq - from.seq }, (_, i) => from.seq + 1 + i)); // gap-free
        const rebuilt = replay(from.body, changes, line);
        expect(rebuilt).toBe(s2.body);
        expect(sha256(rebuilt)).toBe(s2.sha256);
      }
      expect(sha256(s2.body)).toBe(s2.sha256);
      expect(s2.rowCount).toBe(s2.body.split('\n').filter((l) => l).length);
    }
  });

  it('HEAD answers the same stamp as GET, without a body, from the stored stamp', async () => {
    const get = await snapshot(api, ndrc, KS);
    const head = await request(api.app.getHttpServer()).head(`/feeds/lists/${KS}/snapshot`).set('authorization', `Bearer ${ndrc}`);
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
    expect(head.headers['x-list-seq']).toBe(String(get.seq));
    expect(head.headers['x-row-count']).toBe(String(get.rowCount));
    expect(head.headers['x-content-sha256']).toBe(get.sha256);
    const stored = await api.dataSource.query('SELECT row_count, sha256 FROM list_snapshot_stamps WHERE list = ? AND seq = ?', [KS, get.seq]);
    expect(stored).toEqual([{ row_count: get.rowCount, sha256: get.sha256 }]);
  });

  it('CSV: UTF-8 BOM, the fields as header, a cell that would be a formula neutralised, same stamp', async () => {
    await applyLists(api, ids[0], [desired(KS, 'GRADE_E', { legalBasis: '+条例第40条' })]);
    const ndjson = await snapshot(api, ndrc, KS);
    const res = await request(api.app.getHttpServer()).get(`/feeds/lists/${KS}/snapshot?format=csv`).set('authorization', `Bearer ${ndrc}`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['x-content-sha256']).toBe(ndjson.sha256); // the stamp is the canonical NDJSON body's
    expect(res.text.startsWith('\uFEFFentryId,list,subjectType,subjectKey,maskedId,subjectName,reasonCode,legalBasis')).toBe(true);
    expect(res.text).toContain(`"'=HYPERLINK(""http://x"",""医院"")"`);
    expect(res.text).toContain(",'+条例第40条,");
    expect(res.text.split('\r\n').filter((l) => l).length).toBe(ndjson.rowCount + 1);
  });

  it('is for the commission only; an unknown list or a bad since is a clear error', async () => {
    const server = api.app.getHttpServer();
    expect((await request(server).get(`/feeds/lists/${KS}/changes`)).status).toBe(401);
    expect((await request(server).get(`/feeds/lists/${KS}/changes`).set('authorization', `Bearer ${regulator}`)).status).toBe(403);
    const unknown = await request(server).get('/feeds/lists/NAUGHTY/changes').set('authorization', `Bearer ${ndrc}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', reason: 'UNKNOWN_LIST' });
    const bad = await request(server).get(`/feeds/lists/${KS}/changes?since=-1`).set('authorization', `Bearer ${ndrc}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });

  it('listChanges over GraphQL gives the same changes as the NDJSON feed, with the audit head each was made at', async () => {
    const rest = await changesSince(api, ndrc, KS, 0);
    const res = await api.gql('{ listChanges(list: KEY_SUPERVISION, afterSeq: 0, first: 10000) { seq op removalReason auditHead entry { entryId status legalBasis } } }', undefined, ndrc);
    expect(res.body.errors).toBeUndefined();
    const gql = res.body.data.listChanges;
    expect(gql.map((c: { seq: number }) => c.seq)).toEqual(rest.changes.map((c) => c.seq));
    expect(gql[0].auditHead).toMatch(/^\d+:[0-9a-f]{64}$/);
    const heads = await api.dataSource.query('SELECT COUNT(*) AS n FROM audit_log WHERE seq = ?', [gql[0].auditHead.split(':')[0]]);
    expect(Number(heads[0].n)).toBe(1);
    expect(gql.filter((c: { op: string }) => c.op === 'REMOVE').every((c: { removalReason: string }) => c.removalReason === 'CRITERIA_NO_LONGER_MET')).toBe(true);
  });
});
