import { AuditService } from '@app/audit';
import { Role } from '@app/auth';
import { resetDatabase } from '../support/database';
import { waitFor } from '../support/wait-for';
import { startApi, TestApi } from '../support/api-app';
import {
  call,
  count,
  createKey,
  hospital,
  insuredEvent,
  Item,
  orgCode,
  orgEvent,
  pharmacy,
  practitioner,
  practitionerEvent,
  RECORD,
  RecordResult,
  register,
  residentId,
  shopCode,
} from './registry-helpers';

/** R6: the same events sent twice at the same time are stored once, and both callers get the same answer. */

let api: TestApi;
let regulator: string;

beforeAll(async () => {
  api = await startApi();
});
beforeEach(async () => {
  await resetDatabase(api.dataSource);
  regulator = await createKey(api, Role.REGULATOR);
});
afterAll(() => api.close());

const ROUNDS = 4;
const BATCH = 300;

/**
 * 300 events over 12 subjects: 5 hospitals (by subjectId and by credit code), 3 pharmacies, 2 practitioners
 * (by resident ID) and 2 insured persons seen for the first time (both calls try to create them).
 */
function raceBatch(source: string, s: { hospitals: string[]; pharmacies: string[] }, round: number): { items: Item[]; subjects: number } {
  const items: Item[] = [];
  for (let i = 0; i < BATCH; i++) {
    const ref = `R${round}-${String(i).padStart(4, '0')}`;
    const k = i % 12;
    const base = { sourceSystem: source, decidedOn: `2025-0${1 + (i % 9)}-15`, occurredOn: '2025-01-01' };
    if (k < 5) items.push(orgEvent(ref, { ...base, ...(i % 2 ? { subjectId: s.hospitals[k] } : { creditCode: orgCode(k) }) }));
    else if (k < 8) items.push(orgEvent(ref, { ...base, type: 'BREACH_FEE', ...(i % 2 ? { subjectId: s.pharmacies[k - 5] } : { creditCode: shopCode(k - 5) }) }));
    else if (k < 10) items.push(practitionerEvent(ref, { ...base, residentId: residentId(k) }));
    else items.push(insuredEvent(ref, { ...base, residentId: residentId(40_000 + round * 10 + k) }));
  }
  return { items, subjects: 12 };
}

it(`stores a batch of ${BATCH} sent twice concurrently exactly once, ${ROUNDS} times over`, async () => {
  const registered = await register(api, regulator, [
    ...[0, 1, 2, 3, 4].map((k) => hospital(k)),
    ...[0, 1, 2].map((k) => pharmacy(k)),
    practitioner(8),
    practitioner(9),
  ]);
  const s = { hospitals: registered.slice(0, 5).map((x) => x.id), pharmacies: registered.slice(5, 8).map((x) => x.id) };

  for (let round = 0; round < ROUNDS; round++) {
    const source = `RACE-${round}`;
    const { items, subjects } = raceBatch(source, s, round);
    const [maxOutbox] = await api.dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM outbox');
    const subjectsBefore = await count(api.dataSource, 'subjects');
    const auditBefore = await count(api.dataSource, 'audit_log', `action = 'events.record'`);

    const answers = await Promise.all([call(api, RECORD, { in: items }, regulator), call(api, RECORD, { in: items }, regulator)]);

    for (const a of answers) expect(a.errors).toBeUndefined();
    const [a, b] = answers.map((x) => x.data!.recordEvents as RecordResult);
    expect(a.created + b.created).toBe(BATCH);
    expect(a.created + a.duplicates).toBe(BATCH);
    expect(b.created + b.duplicates).toBe(BATCH);
    expect(a.events.map((e) => e.sourceRef)).toEqual(items.map((i) => i.sourceRef));
    expect(b.events).toEqual(a.events);
    expect(new Set(a.events.map((e) => e.id)).size).toBe(BATCH);

    expect(await count(api.dataSource, 'events', 'source_system = ?', [source])).toBe(BATCH);
    const stored: { id: string; source_ref: string }[] = await api.dataSource.query('SELECT id, source_ref FROM events WHERE source_system = ?', [source]);
    const idByRef = new Map(stored.map((r) => [r.source_ref, String(r.id)]));
    expect(a.events.every((e) => idByRef.get(e.sourceRef) === e.id)).toBe(true);

    // The two first-seen insured persons exist once each.
    expect(await count(api.dataSource, 'subjects')).toBe(subjectsBefore + 2);
    // One outbox message per affected subject, from the one call that created the events.
    const outbox: { subject_id: string; n: string }[] = await api.dataSource.query(
      'SELECT subject_id, COUNT(*) AS n FROM outbox WHERE id > ? GROUP BY subject_id',
      [maxOutbox.id],
    );
    expect(outbox).toHaveLength(subjects);
    expect(outbox.every((o) => Number(o.n) === 1)).toBe(true);
    expect(await count(api.dataSource, 'audit_log', `action = 'events.record'`)).toBe(auditBefore + 1);
  }
  expect((await api.app.get(AuditService).verify()).ok).toBe(true);
});

it('registers the same new subjects sent twice concurrently once, with the same ids in both answers', async () => {
  const items = [...Array.from({ length: 50 }, (_, i) => hospital(100 + i)), ...Array.from({ length: 50 }, (_, i) => practitioner(200 + i))];
  for (let round = 0; round < 3; round++) {
    const batch = items.map((i) => ({ ...i }));
    if (round > 0) batch.push(hospital(1000 + round));
    const query = `mutation($in: [RegisterSubjectInput!]!) { registerSubjects(input: $in) { id } }`;
    const [a, b] = await Promise.all([call(api, query, { in: batch }, regulator), call(api, query, { in: batch }, regulator)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data!.registerSubjects).toEqual(a.data!.registerSubjects);
    expect(await count(api.dataSource, 'subjects')).toBe(100 + round);
  }
});

it('stores shared events once when overlapping batches name them in opposite orders concurrently', async () => {
  const [h, p] = await register(api, regulator, [hospital(1), pharmacy(2)]);
  for (let round = 0; round < 3; round++) {
    const source = `OVERLAP-${round}`;
    const shared = Array.from({ length: 50 }, (_, i) => orgEvent(`S-${i}`, { sourceSystem: source, subjectId: h.id }));
    const own = (tag: string, subjectId: string) => Array.from({ length: 50 }, (_, i) => orgEvent(`${tag}-${i}`, { sourceSystem: source, subjectId }));
    const first = [...own('A', h.id), ...shared];
    const second = [...[...shared].reverse(), ...own('B', p.id)];
    const [a, b] = await Promise.all([call(api, RECORD, { in: first }, regulator), call(api, RECORD, { in: second }, regulator)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const ra = a.data!.recordEvents as RecordResult;
    const rb = b.data!.recordEvents as RecordResult;
    expect(ra.created + rb.created).toBe(150);
    expect(ra.duplicates + rb.duplicates).toBe(50);
    const idOf = (r: RecordResult) => new Map(r.events.map((e) => [e.sourceRef, e.id]));
    const [ia, ib] = [idOf(ra), idOf(rb)];
    for (const s of shared) expect(ib.get(s.sourceRef as string)).toBe(ia.get(s.sourceRef as string));
    expect(await count(api.dataSource, 'events', 'source_system = ?', [source])).toBe(150);
  }
});

it('lets exactly one of two concurrent revocations win; the other is a CONFLICT', async () => {
  const [h] = await register(api, regulator, [hospital(1)]);
  const REVOKE = `mutation($id: ID!, $reason: String!) { revokeEvent(id: $id, reason: $reason) { version status } }`;
  const AMEND = `mutation($id: ID!, $input: AmendEventInput!) { amendEvent(id: $id, input: $input, reason: "更正") { version } }`;
  for (let round = 0; round < 3; round++) {
    const [{ id }] = ((await call(api, RECORD, { in: [orgEvent(`V-${round}`, { subjectId: h.id })] }, regulator)).data!.recordEvents as RecordResult).events;
    const answers = await Promise.all([call(api, REVOKE, { id, reason: '撤销一' }, regulator), call(api, REVOKE, { id, reason: '撤销二' }, regulator)]);
    const codes = answers.map((x) => x.errors?.[0]?.extensions.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect(await count(api.dataSource, 'event_history', 'event_id = ?', [id])).toBe(1);

    // Concurrent amendments of another event queue up: versions 2 and 3, both kept in order.
    const other = ((await call(api, RECORD, { in: [orgEvent(`W-${round}`, { subjectId: h.id })] }, regulator)).data!.recordEvents as RecordResult).events[0].id;
    const amended = await Promise.all([
      call(api, AMEND, { id: other, input: { fineFen: 100 } }, regulator),
      call(api, AMEND, { id: other, input: { amountInvolvedFen: 200 } }, regulator),
    ]);
    expect(amended.map((x) => x.errors)).toEqual([undefined, undefined]);
    expect(amended.map((x) => x.data!.amendEvent.version).sort()).toEqual([2, 3]);
    const [row] = await api.dataSource.query('SELECT version, CAST(fine_fen AS CHAR) AS fine, CAST(amount_involved_fen AS CHAR) AS amount FROM events WHERE id = ?', [other]);
    expect(row).toEqual({ version: 3, fine: '100', amount: '200' });
  }
});

describe('revokeEvent and amendEvent run again after losing a deadlock', () => {
  const REVOKE = `mutation($id: ID!) { revokeEvent(id: $id, reason: "撤销") { version status } }`;
  const AMEND = `mutation($id: ID!) { amendEvent(id: $id, input: { fineFen: 100 }, reason: "更正") { version status fineFen } }`;

  /**
   * Another transaction (heavier, so InnoDB picks the correction as the deadlock victim) holds the subject's
   * row, waits until the correction has locked the event and queued behind it, then asks for the event: a
   * real deadlock that the correction loses. Run again, it must succeed once the other transaction ends.
   */
  it.each([
    ['revokeEvent', REVOKE, { version: 2, status: 'REVOKED' }],
    ['amendEvent', AMEND, { version: 2, status: 'FINAL', fineFen: 100 }],
  ])('%s succeeds once, with one new version, when it is the deadlock victim', async (name, mutation, expected) => {
    const [h] = await register(api, regulator, [hospital(1)]);
    const [{ id }] = ((await call(api, RECORD, { in: [orgEvent('D-1', { subjectId: h.id })] }, regulator)).data!.recordEvents as RecordResult).events;
    const auditBefore = await count(api.dataSource, 'audit_log');
    const other = api.dataSource.createQueryRunner();
    await other.connect();
    let deadlocked = false;
    try {
      await other.startTransaction('READ COMMITTED');
      // Weight: InnoDB rolls back the transaction that changed fewer rows.
      await other.query(`INSERT INTO outbox (topic, subject_id, created_at) SELECT 'weight', 0, NOW(3) FROM information_schema.columns LIMIT 300`);
      await other.query('SELECT id FROM subjects WHERE id = ? FOR UPDATE', [h.id]);

      const answer = call(api, mutation, { id }, regulator);
      // The correction has locked the event row (its first statement) and now updates the subject row, which
      // waits for `other`. (A thread of the same account is visible in the process list without privileges.)
      await waitFor(async () => {
        const waiting = await api.dataSource.query(
          `SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND info LIKE 'UPDATE subjects SET event_revision%'`,
        );
        return waiting.length > 0;
      }, 60_000);
      await other.query('SELECT id FROM events WHERE id = ? FOR UPDATE', [id]).catch((e: { code?: string }) => {
        deadlocked = e.code === 'ER_LOCK_DEADLOCK'; // this side lost instead: the test proves nothing then
      });
      await other.rollbackTransaction();

      const body = await answer;
      expect(deadlocked).toBe(false);
      expect(body.errors).toBeUndefined();
      expect(body.data![name]).toEqual(expected);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    // The victim's first run left nothing behind: one history row, one outbox message, one audit row.
    expect(await count(api.dataSource, 'event_history', 'event_id = ?', [id])).toBe(1);
    expect(await count(api.dataSource, 'outbox', `topic = 'weight'`)).toBe(0);
    expect(await count(api.dataSource, 'audit_log')).toBe(auditBefore + 1);
    const [row] = await api.dataSource.query('SELECT version FROM events WHERE id = ?', [id]);
    expect(row.version).toBe(2);
  });

  it('ends a concurrent revoke and amend of one event consistently: both apply in some order, or the amend is a CONFLICT', async () => {
    const [h] = await register(api, regulator, [hospital(1)]);
    for (let round = 0; round < 4; round++) {
      const [{ id }] = ((await call(api, RECORD, { in: [orgEvent(`RA-${round}`, { subjectId: h.id })] }, regulator)).data!.recordEvents as RecordResult).events;
      const [revoked, amended] = await Promise.all([call(api, REVOKE, { id }, regulator), call(api, AMEND, { id }, regulator)]);
      expect(revoked.errors).toBeUndefined();
      const [row] = await api.dataSource.query('SELECT version, status, CAST(fine_fen AS CHAR) AS fine FROM events WHERE id = ?', [id]);
      if (amended.errors) {
        expect(amended.errors.map((e) => e.extensions.code)).toEqual(['CONFLICT']);
        expect(row).toEqual({ version: 2, status: 'REVOKED', fine: null });
      } else {
        expect(amended.data!.amendEvent.version).toBe(2);
        expect(row).toEqual({ version: 3, status: 'REVOKED', fine: '100' });
      }
      expect(await count(api.dataSource, 'event_history', 'event_id = ?', [id])).toBe(row.version - 1);
    }
  });
});
