import { AuditService } from '@app/audit';
import { Role } from '@app/auth';
import { EventsService } from '@app/registry';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import { createKey, hospital, Item, orgCode, orgEvent, register } from './registry-helpers';

/**
 * The ids recordEvents answers with come from each multi-row INSERT's first id (no read-back), and its
 * duplicate check runs while the batch is validated: both checked here on batches large enough for several
 * INSERTs, sent concurrently, and on a batch refused by both duplicate checks at once.
 */

let api: TestApi;
let events: EventsService;

beforeAll(async () => {
  api = await startApi();
  events = api.app.get(EventsService);
});
beforeEach(async () => {
  await resetDatabase(api.dataSource);
});
afterAll(() => api.close());

const ACTOR = 'test:batch-ids';

function batch(source: string, n: number, subjects: number): Item[] {
  return Array.from({ length: n }, (_, i) => orgEvent(`${source}-${i}`, { sourceSystem: source, creditCode: orgCode(i % subjects) }));
}

it('answers each event with the id stored under its source key, for concurrent batches of several INSERTs each', async () => {
  const regulator = await createKey(api, Role.REGULATOR);
  await register(api, regulator, Array.from({ length: 6 }, (_, k) => hospital(k)));
  const sources = ['IDS-A', 'IDS-B', 'IDS-C'];
  // 2,500 items: three INSERTs of at most 1,000 rows each, queued together; three batches at once.
  const before = Date.now();
  const results = await Promise.all(sources.map((s) => events.record(batch(s, 2_500, 6), ACTOR)));
  const after = Date.now();

  const stored: { id: string; source_system: string; source_ref: string }[] = await api.dataSource.query(
    'SELECT id, source_system, source_ref FROM events',
  );
  const idByKey = new Map(stored.map((r) => [`${r.source_system}|${r.source_ref}`, String(r.id)]));
  expect(stored).toHaveLength(7_500);
  results.forEach((r, k) => {
    expect(r.created).toBe(2_500);
    expect(r.events.map((e) => e.id)).toEqual(r.events.map((e) => idByKey.get(`${sources[k]}|${e.sourceRef}`)));
  });
  expect(new Set(results.flatMap((r) => r.events.map((e) => e.id))).size).toBe(7_500);

  // One write time per batch, stored to the millisecond as the driver writes a Date (the INSERTs share its text).
  const times: { source_system: string; n: string; first: Date; last: Date; same: string }[] = await api.dataSource.query(
    `SELECT source_system, COUNT(DISTINCT recorded_at) AS n, MIN(recorded_at) AS first, MAX(first_recorded_at) AS last,
            SUM(first_recorded_at <> recorded_at) AS same FROM events GROUP BY source_system`,
  );
  for (const t of times) {
    expect([Number(t.n), Number(t.same)]).toEqual([1, 0]);
    expect(t.first.getTime()).toBe(t.last.getTime());
    expect(t.first.getTime()).toBeGreaterThanOrEqual(before);
    expect(t.first.getTime()).toBeLessThanOrEqual(after);
  }

  // Each batch's audit row lists the created ids, in input order.
  const audit: { diff: string | { created: string[] } }[] = await api.dataSource.query(
    `SELECT diff FROM audit_log WHERE action = 'events.record' ORDER BY seq`,
  );
  const created = audit.map((a) => (typeof a.diff === 'string' ? (JSON.parse(a.diff) as { created: string[] }) : a.diff).created);
  expect(created.map((ids) => [...ids].sort()).sort()).toEqual(results.map((r) => r.events.map((e) => e.id).sort()).sort());
  expect((await api.app.get(AuditService).verify()).ok).toBe(true);

  // Sent again, all of them are duplicates answered with the same ids.
  const again = await events.record(batch('IDS-B', 2_500, 6), ACTOR);
  expect(again).toEqual({ ...results[1], created: 0, duplicates: 2_500, events: results[1].events.map((e) => ({ ...e, duplicate: true })) });
});

it('reports the first refused item whichever duplicate check refused it, and stores nothing', async () => {
  const regulator = await createKey(api, Role.REGULATOR);
  await register(api, regulator, [hospital(0)]);
  await events.record([orgEvent('D-5', { sourceSystem: 'DUP', creditCode: orgCode(0) })], ACTOR);
  const before = await api.dataSource.query('SELECT COUNT(*) AS n FROM events');

  const items = [
    ...Array.from({ length: 5 }, (_, i) => orgEvent(`D-${i}`, { sourceSystem: 'DUP', creditCode: orgCode(0) })),
    // index 5: stored before with other content; index 6: repeats index 2 with other content.
    orgEvent('D-5', { sourceSystem: 'DUP', creditCode: orgCode(0), decidedOn: '2025-03-01' }),
    orgEvent('D-2', { sourceSystem: 'DUP', creditCode: orgCode(0), decidedOn: '2025-03-01' }),
  ];
  await expect(events.record(items, ACTOR)).rejects.toMatchObject({ details: { index: 5, reason: 'CONFLICT' } });
  expect(await api.dataSource.query('SELECT COUNT(*) AS n FROM events')).toEqual(before);

  // Item by item (the CSV import), reversed: D-5 (index 1) conflicts with the stored event, the original D-2
  // (now index 4) with the changed D-2 before it; both refused, the other five stored.
  const loaded = await events.record([...items].reverse(), ACTOR, 'skip-rejected');
  expect(loaded.rejected.map((r) => [r.index, r.reason])).toEqual([
    [1, 'CONFLICT'],
    [4, 'CONFLICT'],
  ]);
  expect(loaded.created).toBe(5);
});

it('stores a batch of several INSERTs sent twice at once exactly once, both answers with the same ids (R6)', async () => {
  const regulator = await createKey(api, Role.REGULATOR);
  await register(api, regulator, Array.from({ length: 6 }, (_, k) => hospital(k)));
  for (let round = 0; round < 3; round++) {
    const items = batch(`RACE-${round}`, 2_500, 6);
    const [a, b] = await Promise.all([events.record(items, ACTOR), events.record(items, ACTOR)]);
    expect(a.created + b.created).toBe(2_500);
    expect(b.events.map((e) => e.id)).toEqual(a.events.map((e) => e.id));
    const [stored] = await api.dataSource.query('SELECT COUNT(*) AS n FROM events WHERE source_system = ?', [`RACE-${round}`]);
    expect(Number(stored.n)).toBe(2_500);
  }
});
