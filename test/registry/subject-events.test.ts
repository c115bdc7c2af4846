import { Role } from '@app/auth';
import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import { createKey, hospital, ok, orgEvent, record, register } from './registry-helpers';

/**
 * Subject.events(first): the newest `first` events of each subject, read in SQL at most `first` per subject
 * (not every event of every subject, sliced afterwards), still in one batched query for all the parents.
 */

let api: TestApi;
let regulator: string;
let ids: { many: string; few: string; none: string };
/** Each subject's event ids, newest decision first (ties: the later id first). */
let newest: Record<string, string[]>;

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  regulator = await createKey(api, Role.REGULATOR);
  const [many, few, none] = await register(api, regulator, [hospital(1), hospital(2), hospital(3)]);
  ids = { many: many.id, few: few.id, none: none.id };
  // 60 events on one subject over 20 decision days (three per day, so the id breaks ties), 5 on another.
  const day = (i: number) => `2025-${String(1 + (i % 10)).padStart(2, '0')}-${String(10 + Math.floor(i / 10)).padStart(2, '0')}`;
  const items = [
    ...Array.from({ length: 60 }, (_, i) => orgEvent(`M-${i}`, { subjectId: many.id, occurredOn: '2025-01-01', decidedOn: day(i % 20) })),
    ...Array.from({ length: 5 }, (_, i) => orgEvent(`F-${i}`, { subjectId: few.id, occurredOn: '2025-01-01', decidedOn: day(i) })),
  ];
  await record(api, regulator, items);
  newest = {};
  for (const subjectId of Object.values(ids)) {
    const rows: { id: string }[] = await api.dataSource.query('SELECT id FROM events WHERE subject_id = ? ORDER BY decided_on DESC, id DESC', [subjectId]);
    newest[subjectId] = rows.map((r) => String(r.id));
  }
});
afterAll(() => api.close());

/** Every query the API runs while `work` does, with the number of rows the database sent back for it. */
async function queriesDuring(ds: DataSource, work: () => Promise<unknown>): Promise<{ sql: string; rows: number }[]> {
  const seen: { sql: string; rows: number }[] = [];
  const create = ds.createQueryRunner.bind(ds);
  const spy = jest.spyOn(ds, 'createQueryRunner').mockImplementation((mode?: ReplicationMode): QueryRunner => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      const result = await query(sql, parameters, structured as true);
      const rows = structured ? (result as { records: unknown[] }).records : result;
      seen.push({ sql, rows: Array.isArray(rows) ? rows.length : 0 });
      return result;
    }) as QueryRunner['query'];
    return runner;
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

const PAGE = `query($first: Int) { subjects(first: 10) { nodes { id events(first: $first) { id decidedOn } } } }`;

describe('Subject.events(first)', () => {
  it('answers each subject its `first` newest events, newest decision first', async () => {
    const data = await ok(api, PAGE, { first: 3 }, regulator);
    const byId = new Map(data.subjects.nodes.map((n: { id: string; events: { id: string }[] }) => [n.id, n.events.map((e) => e.id)]));
    expect(byId.get(ids.many)).toEqual(newest[ids.many].slice(0, 3));
    expect(byId.get(ids.few)).toEqual(newest[ids.few].slice(0, 3));
    expect(byId.get(ids.none)).toEqual([]);
    const many = data.subjects.nodes.find((n: { id: string }) => n.id === ids.many);
    expect(many.events.map((e: { decidedOn: string }) => e.decidedOn)).toEqual(['2025-10-11', '2025-10-11', '2025-10-11']);
  });

  it('reads at most `first` rows per subject from the database, in one batched query for all of them', async () => {
    for (const first of [1, 3, 7]) {
      const seen = await queriesDuring(api.dataSource, () => ok(api, PAGE, { first }, regulator));
      const reads = seen.filter((q) => /\bFROM\s+`?events`?/i.test(q.sql));
      expect(reads).toHaveLength(1);
      // 60 + 5 events are stored; the many-event subject contributes `first` rows, the other at most 5.
      expect(reads[0].rows).toBe(first + Math.min(first, 5));
    }
  });

  it('serves different `first` values on the same subject in one request, each bounded', async () => {
    const query = `query($id: ID) { subject(id: $id) { one: events(first: 1) { id } five: events(first: 5) { id } all: events { id } } }`;
    let data: Record<string, any> = {};
    const seen = await queriesDuring(api.dataSource, async () => (data = await ok(api, query, { id: ids.many }, regulator)));
    expect(data.subject.one.map((e: { id: string }) => e.id)).toEqual(newest[ids.many].slice(0, 1));
    expect(data.subject.five.map((e: { id: string }) => e.id)).toEqual(newest[ids.many].slice(0, 5));
    expect(data.subject.all.map((e: { id: string }) => e.id)).toEqual(newest[ids.many]); // the default, 100, holds all 60
    const rows = seen.filter((q) => /\bFROM\s+`?events`?/i.test(q.sql)).map((q) => q.rows).sort((a, b) => a - b);
    expect(rows).toEqual([1, 5, 60]);
  });
});
