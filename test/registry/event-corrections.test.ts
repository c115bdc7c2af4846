import { Role } from '@app/auth';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import {
  call,
  count,
  createKey,
  EVENT_FIELDS,
  fails,
  footprint,
  hospital,
  ok,
  orgEvent,
  practitioner,
  practitionerEvent,
  record,
  register,
  residentId,
  tomorrow,
} from './registry-helpers';

/** revokeEvent and amendEvent (domain.md §2): never an edit in place, never a delete; history shows what was believed when. */

let api: TestApi;
let regulator: string;
let hospitalId: string;

beforeAll(async () => {
  api = await startApi();
});
beforeEach(async () => {
  await resetDatabase(api.dataSource);
  regulator = await createKey(api, Role.REGULATOR);
  [{ id: hospitalId }] = await register(api, regulator, [hospital(1)]);
});
afterAll(() => api.close());

const HISTORY = `history { eventId version status supersededAs fineFen amountInvolvedFen decidedOn changeReason supersededAt recordedAt }`;
const EVENT = `query Event($id: ID!) { event(id: $id) { ${EVENT_FIELDS} ${HISTORY} } }`;
const REVOKE = `mutation Revoke($id: ID!, $reason: String!) { revokeEvent(id: $id, reason: $reason) { ${EVENT_FIELDS} ${HISTORY} } }`;
const AMEND = `mutation Amend($id: ID!, $input: AmendEventInput!, $reason: String!) {
  amendEvent(id: $id, input: $input, reason: $reason) { ${EVENT_FIELDS} ${HISTORY} }
}`;

async function oneEvent(extra: Record<string, unknown> = {}): Promise<string> {
  const { events } = await record(api, regulator, [orgEvent('E-1', { subjectId: hospitalId, fineFen: 50_000, amountInvolvedFen: 200_000, ...extra })]);
  return events[0].id;
}

async function current(id: string): Promise<Record<string, any>> {
  return (await ok(api, EVENT, { id }, regulator)).event;
}

const outboxFor = (subjectId: string) => count(api.dataSource, 'outbox', 'subject_id = ?', [subjectId]);

describe('revokeEvent', () => {
  it('makes a new version REVOKED, keeps version 1 in the history, and never deletes the row', async () => {
    const id = await oneEvent();
    const before = await current(id);
    const outboxBefore = await outboxFor(hospitalId);

    const revoked = (await ok(api, REVOKE, { id, reason: '复议撤销' }, regulator)).revokeEvent;
    expect(revoked).toMatchObject({ id, status: 'REVOKED', version: 2, changeReason: '复议撤销', fineFen: 50_000, sourceRef: 'E-1', subjectId: hospitalId });
    expect(revoked.history).toHaveLength(1);
    expect(revoked.history[0]).toMatchObject({ eventId: id, version: 1, status: 'FINAL', supersededAs: 'REVOKED', fineFen: 50_000, changeReason: null, recordedAt: before.recordedAt });
    expect(new Date(revoked.history[0].supersededAt).getTime()).toBeGreaterThanOrEqual(new Date(before.recordedAt).getTime());
    expect(await current(id)).toEqual(revoked);

    // Still there; a DELETE is refused by the database itself.
    expect(await count(api.dataSource, 'events', 'id = ?', [id])).toBe(1);
    await expect(api.dataSource.query('DELETE FROM events WHERE id = ?', [id])).rejects.toThrow(/never deleted/);
    await expect(api.dataSource.query('DELETE FROM event_history WHERE event_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query('UPDATE event_history SET fine_fen = 1 WHERE event_id = ?', [id])).rejects.toThrow(/append-only/);
    expect(await count(api.dataSource, 'events', 'id = ?', [id])).toBe(1);

    const audit: { actor: string; target_type: string; target_id: string; diff: any }[] = await api.dataSource.query(
      `SELECT actor, target_type, target_id, diff FROM audit_log WHERE action = 'event.revoke'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_type: 'event', target_id: id, actor: expect.stringMatching(/^apikey:/) });
    const diff = typeof audit[0].diff === 'string' ? JSON.parse(audit[0].diff) : audit[0].diff;
    expect(diff).toMatchObject({ version: 2, reason: '复议撤销', before: { status: 'FINAL' }, after: { status: 'REVOKED' } });
    expect(await outboxFor(hospitalId)).toBe(outboxBefore + 1);
  });

  it('refuses to revoke twice (CONFLICT), and to amend a revoked event (CONFLICT), changing nothing', async () => {
    const id = await oneEvent();
    await ok(api, REVOKE, { id, reason: '撤销' }, regulator);
    const before = await footprint(api.dataSource);
    const revoked = await current(id);
    expect((await fails(api, REVOKE, { id, reason: '再次撤销' }, regulator)).extensions.code).toBe('CONFLICT');
    expect((await fails(api, AMEND, { id, input: { status: 'FINAL' }, reason: '恢复' }, regulator)).extensions.code).toBe('CONFLICT');
    expect((await fails(api, AMEND, { id, input: { fineFen: 1 }, reason: '改罚款' }, regulator)).extensions.code).toBe('CONFLICT');
    expect(await current(id)).toEqual(revoked);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['over 500 characters', '理'.repeat(501)],
    ['holding a resident ID', `申请人 ${residentId(5)} 复议`],
  ])('refuses a reason that is %s with BAD_USER_INPUT on reason, changing nothing', async (_, reason) => {
    const id = await oneEvent();
    const before = await footprint(api.dataSource);
    const error = await fails(api, REVOKE, { id, reason }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(error.message).not.toContain(residentId(5));
    expect((await current(id)).status).toBe('FINAL');
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of ['987654321', 'abc', '0']) {
      expect((await fails(api, REVOKE, { id, reason: '撤销' }, regulator)).extensions.code).toBe('NOT_FOUND');
      expect((await fails(api, AMEND, { id, input: { fineFen: 1 }, reason: '改' }, regulator)).extensions.code).toBe('NOT_FOUND');
    }
  });

  it('is for a REGULATOR only', async () => {
    const id = await oneEvent();
    const auditor = await createKey(api, Role.AUDITOR);
    expect((await fails(api, REVOKE, { id, reason: '撤销' }, auditor)).extensions.code).toBe('FORBIDDEN');
    expect((await fails(api, AMEND, { id, input: { fineFen: 1 }, reason: '改' }, auditor)).extensions.code).toBe('FORBIDDEN');
    expect((await current(id)).version).toBe(1);
  });
});

describe('amendEvent', () => {
  it('writes version 2 with the changes; the history keeps version 1 as it was; absent fields keep their value', async () => {
    const id = await oneEvent({ decisionNo: '津医保约〔2025〕1号', selfReported: true, fineMultiple: null });
    const v1 = await current(id);
    const outboxBefore = await outboxFor(hospitalId);

    const amended = (await ok(api, AMEND, { id, input: { status: 'UNDER_APPEAL', fineFen: 80_000 }, reason: '申请复议' }, regulator)).amendEvent;
    expect(amended).toMatchObject({ id, version: 2, status: 'UNDER_APPEAL', fineFen: 80_000, changeReason: '申请复议' });
    // Untouched fields are as they were.
    for (const f of ['type', 'amountInvolvedFen', 'decidedOn', 'occurredOn', 'decisionNo', 'authority', 'legalBasis', 'regionCode', 'selfReported', 'inspectionKind', 'sourceRef', 'sourceSystem', 'subjectId']) {
      expect([f, amended[f]]).toEqual([f, v1[f]]);
    }
    expect(amended.history).toEqual([
      expect.objectContaining({ eventId: id, version: 1, status: 'FINAL', fineFen: 50_000, amountInvolvedFen: 200_000, changeReason: null, recordedAt: v1.recordedAt }),
    ]);
    expect(await current(id)).toEqual(amended);
    expect(await outboxFor(hospitalId)).toBe(outboxBefore + 1);
    const audit: { target_id: string; diff: any }[] = await api.dataSource.query(`SELECT target_id, diff FROM audit_log WHERE action = 'event.amend'`);
    expect(audit).toHaveLength(1);
    const diff = typeof audit[0].diff === 'string' ? JSON.parse(audit[0].diff) : audit[0].diff;
    expect(diff).toMatchObject({ version: 2, before: { status: 'FINAL', fineFen: 50_000 }, after: { status: 'UNDER_APPEAL', fineFen: 80_000 } });

    // A second amendment: version 3, history 1 and 2 oldest first; null clears a field.
    const again = (await ok(api, AMEND, { id, input: { status: 'FINAL', amountInvolvedFen: null }, reason: '复议维持' }, regulator)).amendEvent;
    expect(again).toMatchObject({ version: 3, status: 'FINAL', fineFen: 80_000, amountInvolvedFen: null });
    expect(again.history.map((h: any) => [h.version, h.status, h.supersededAs, h.fineFen, h.amountInvolvedFen])).toEqual([
      [1, 'FINAL', 'AMENDED', 50_000, 200_000],
      [2, 'UNDER_APPEAL', 'AMENDED', 80_000, 200_000],
    ]);
    // The original submission is still a duplicate of this event, not a conflict: idempotency is on what was sent.
    const resend = await record(api, regulator, [orgEvent('E-1', { subjectId: hospitalId, fineFen: 50_000, amountInvolvedFen: 200_000, decisionNo: '津医保约〔2025〕1号', selfReported: true, fineMultiple: null })]);
    expect(resend).toEqual({ created: 0, duplicates: 1, events: [{ id, sourceRef: 'E-1' }] });
  });

  it.each([
    ['an empty amendment', {}],
    ['the same values again', { status: 'FINAL', fineFen: 50_000, decidedOn: '2025-02-01', selfReported: false }],
    ['an unchanged amount and type', { type: 'INTERVIEW', amountInvolvedFen: 200_000, inspectionKind: 'ROUTINE' }],
  ])('returns the same version for %s, with no new history, outbox or audit row', async (_, input) => {
    const id = await oneEvent();
    const v1 = await current(id);
    const before = await footprint(api.dataSource);
    const same = (await ok(api, AMEND, { id, input, reason: '无变化' }, regulator)).amendEvent;
    expect(same).toEqual(v1);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('compares decimals and dates by value: the same multiple again is no change', async () => {
    const { events } = await record(api, regulator, [orgEvent('E-38', { subjectId: hospitalId, type: 'PENALTY_ART38', fineMultiple: 1.5, fineFen: 100_000 })]);
    const v1 = await current(events[0].id);
    const before = await footprint(api.dataSource);
    const same = (await ok(api, AMEND, { id: events[0].id, input: { fineMultiple: 1.5, occurredOn: '2025-01-10', suspensionDays: null }, reason: '无变化' }, regulator)).amendEvent;
    expect(same).toEqual(v1);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('returns the same version when a retried amendment changes nothing more', async () => {
    const id = await oneEvent();
    const input = { status: 'UNDER_APPEAL', fineFen: 60_000 };
    const first = (await ok(api, AMEND, { id, input, reason: '复议' }, regulator)).amendEvent;
    const before = await footprint(api.dataSource);
    const retried = (await ok(api, AMEND, { id, input, reason: '复议' }, regulator)).amendEvent;
    expect(retried).toEqual(first);
    expect(retried.version).toBe(2);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it.each([
    ['a decision date in the future', { decidedOn: tomorrow() }, 'decidedOn', 'INVALID_DATE'],
    ['a decision before the occurrence', { decidedOn: '2025-01-09' }, 'decidedOn', 'INVALID_DATE'],
    ['an occurrence after the decision', { occurredOn: '2025-02-02' }, 'decidedOn', 'INVALID_DATE'],
    ['a negative fine', { fineFen: -5 }, 'fineFen', 'INVALID_AMOUNT'],
    ['status REVOKED (use revokeEvent)', { status: 'REVOKED' }, 'status', 'INVALID_VALUE'],
    ['status AMENDED', { status: 'AMENDED' }, 'status', 'INVALID_VALUE'],
    ['a type whose rules the event breaks', { type: 'PENALTY_ART39' }, 'fineFen', 'INVALID_AMOUNT'],
    ['an insured-person type on a hospital', { type: 'INSURED_VIOLATION' }, 'type', 'SUBJECT_TYPE_MISMATCH'],
    ['a resident ID in decisionNo', { decisionNo: `罚${residentId(5)}` }, 'decisionNo', 'INVALID_VALUE'],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_, input, field, reason) => {
    const id = await oneEvent();
    const v1 = await current(id);
    const before = await footprint(api.dataSource);
    const error = await fails(api, AMEND, { id, input, reason: '更正' }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await current(id)).toEqual(v1);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('refuses an invalid date or amount in the variables before anything runs', async () => {
    const id = await oneEvent();
    const v1 = await current(id);
    for (const input of [{ decidedOn: '2025-02-30' }, { fineFen: 1.5 }, { fineFen: 2 ** 53 }]) {
      const body = await call(api, AMEND, { id, input, reason: '更正' }, regulator);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: Object.keys(input)[0] });
    }
    expect(await current(id)).toEqual(v1);
  });

  it("checks a practitioner's amendment against the practitioner rules (responsibility cannot be cleared)", async () => {
    await register(api, regulator, [practitioner(3)]);
    const { events } = await record(api, regulator, [practitionerEvent('P-1', { residentId: residentId(3), responsibility: 'MAIN' })]);
    const error = await fails(api, AMEND, { id: events[0].id, input: { responsibility: null }, reason: '更正' }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'responsibility', reason: 'MISSING_FIELD' });
    const ok2 = (await ok(api, AMEND, { id: events[0].id, input: { responsibility: 'GENERAL' }, reason: '责任认定更正' }, regulator)).amendEvent;
    expect(ok2).toMatchObject({ version: 2, responsibility: 'GENERAL', history: [expect.objectContaining({ version: 1 })] });
  });

  it('can be revoked after amendments, keeping every earlier version', async () => {
    const id = await oneEvent();
    await ok(api, AMEND, { id, input: { status: 'UNDER_APPEAL' }, reason: '复议' }, regulator);
    const revoked = (await ok(api, REVOKE, { id, reason: '复议撤销' }, regulator)).revokeEvent;
    expect(revoked).toMatchObject({ version: 3, status: 'REVOKED' });
    expect(revoked.history.map((h: any) => [h.version, h.status])).toEqual([
      [1, 'FINAL'],
      [2, 'UNDER_APPEAL'],
    ]);
    expect(await count(api.dataSource, 'event_history', 'event_id = ?', [id])).toBe(2);
  });
});
