import { ApiKeysService, Role } from '@app/auth';
import { containsResidentIdPattern, ListKind, makeCreditCode, makeResidentId } from '@app/credit';
import { CreditRepairService, ListLifecycleService, ListsDailyService, ListsRefreshService } from '@app/lists';
import { EventsService, SubjectsService } from '@app/registry';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { changesSince, snapshot } from './list-feeds-support';

let api: TestApi;
let ndrc: string;
let regulator: string;
let seq = 0;
const SD = ListKind.SEVERE_DISHONESTY;

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  ndrc = (await api.app.get(ApiKeysService).create(Role.NDRC, 'commission', 'test')).secret;
  regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'reg', 'test')).secret;
});
afterAll(() => api.close());

async function institution(): Promise<{ id: string; code: string }> {
  const code = makeCreditCode(`1212000044${String(++seq).padStart(7, '0')}`);
  const [s] = await api.app.get(SubjectsService).register([{ type: 'MEDICAL_INSTITUTION', name: `规则医院${seq}`, creditCode: code, agreementSignedOn: '2015-01-01' }], 'test');
  return { id: s.id, code };
}

async function record(code: string, items: Record<string, unknown>[]): Promise<string[]> {
  const result = await api.app.get(EventsService).record(
    items.map((i) => ({ sourceSystem: 'lists', sourceRef: `r${++seq}`, creditCode: code, occurredOn: '2024-12-01', decidedOn: '2025-01-10', ...i })),
    'test',
  );
  return result.events.map((e) => e.id);
}

const entries = async (subjectId: string) =>
  api.dataSource.query('SELECT entry_id, list, reason_code, status, legal_basis, decision_no, effective_from, planned_end, removal_reason FROM list_entries WHERE subject_id = ? ORDER BY id', [subjectId]);
const fraud = { type: 'PENALTY_ART40', amountInvolvedFen: 5_000_000, fineFen: 10_000_000, fineMultiple: 2, legalBasis: '条例第40条', decisionNo: '津医保罚〔2025〕7号', authority: '天津市医疗保障局' };

describe('the lists follow the rules of libs/credit through the service path', () => {
  it('an Art.40 decision makes a severe-list candidate (notified) and puts the subject on key supervision (grade D), with the decision in the entry', async () => {
    const { id, code } = await institution();
    const [eventId] = await record(code, [fraud]);
    expect(await api.app.get(ListsRefreshService).refreshSubjects([id])).toBe(1); // KEY_SUPERVISION is published at once
    const rows = await entries(id);
    expect(rows).toEqual([
      expect.objectContaining({ list: 'SEVERE_DISHONESTY', reason_code: 'PENALTY_ART40', status: 'NOTIFIED', legal_basis: '条例第40条', decision_no: '津医保罚〔2025〕7号', effective_from: '2025-01-10', planned_end: '2028-01-09' }),
      expect.objectContaining({ list: 'KEY_SUPERVISION', reason_code: 'GRADE_D', status: 'ACTIVE' }),
    ]);
    expect(await api.app.get(ListsRefreshService).refreshSubjects([id])).toBe(0); // idempotent
    const ks = await changesSince(api, ndrc, ListKind.KEY_SUPERVISION, 0);
    expect(ks.changes.map((c) => [c.op, c.entry.entryId])).toContainEqual(['ADD', rows[1].entry_id]);
    expect(eventId).toBeDefined();
  });

  it('credit repair: conditions shown, an approval only while all hold, the entry leaves as REPAIRED and does not come back', async () => {
    const { id, code } = await institution();
    await record(code, [fraud]);
    await api.app.get(ListsRefreshService).refreshSubjects([id], new Date('2025-01-15T02:00:00Z'));
    const [candidate] = await entries(id);
    await api.app.get(ListLifecycleService).confirm(candidate.entry_id, 'reg', new Date('2025-02-10T02:00:00Z'));
    const repair = api.app.get(CreditRepairService);

    // Too early (less than a year on the list) and without a public commitment: refused, with the failing conditions named.
    const early = await repair.apply(candidate.entry_id, { appliedOn: '2025-06-01', penaltyPerformed: true, moneyReturned: true, publicCommitment: false }, 'reg');
    await expect(repair.decide(early.id, true, '符合条件', 'reg')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'REPAIR_CONDITIONS_NOT_MET', failing: expect.arrayContaining(['minimumPeriodPassed', 'publicCommitment']) },
    });
    await repair.decide(early.id, false, '未满最短公示期', 'reg');

    const ok = await repair.apply(candidate.entry_id, { appliedOn: '2026-02-01', penaltyPerformed: true, moneyReturned: true, publicCommitment: true }, 'reg');
    const shown = await api.gql(
      '{ creditRepairApplications(status: PENDING) { nodes { id decisionDeadline overdue conditions { minimumPeriodPassed noNewViolation allHold eligibleFrom } entry { entryId } } } }',
      undefined,
      regulator,
    );
    expect(shown.body.errors).toBeUndefined();
    // 15 working days after Sunday 1 February 2026, weekends skipped: Friday 20 February. Long past, so overdue.
    expect(shown.body.data.creditRepairApplications.nodes).toEqual([
      { id: ok.id, decisionDeadline: '2026-02-20', overdue: true, conditions: { minimumPeriodPassed: true, noNewViolation: true, allHold: true, eligibleFrom: '2026-01-10' }, entry: { entryId: candidate.entry_id } },
    ]);
    const overdue = await api.gql('{ creditRepairApplications(overdue: true) { nodes { id } } }', undefined, regulator);
    expect(overdue.body.data.creditRepairApplications.nodes).toEqual([{ id: ok.id }]);

    const before = (await changesSince(api, ndrc, SD, 0)).lastSeq;
    const decided = await api.gql('mutation ($id: ID!) { decideCreditRepair(applicationId: $id, approve: true, reason: "信用修复完成") { status } }', { id: ok.id }, regulator);
    expect(decided.body.data.decideCreditRepair).toEqual({ status: 'APPROVED' });
    const feed = await changesSince(api, ndrc, SD, before);
    expect(feed.changes.map((c) => [c.op, (c as unknown as { removalReason: string }).removalReason, c.entry.entryId])).toEqual([['REMOVE', 'REPAIRED', candidate.entry_id]]);
    // The decision still meets the rules, but the regulator's repair stands.
    await api.app.get(ListsRefreshService).refreshSubjects([id]);
    expect((await entries(id)).filter((e: { list: string }) => e.list === 'SEVERE_DISHONESTY').map((e: { status: string; removal_reason: string }) => [e.status, e.removal_reason])).toEqual([['REMOVED', 'REPAIRED']]);
  });

  it('the daily job refreshes subjects with open entries and moves what time alone changes (expiry)', async () => {
    const { id, code } = await institution();
    await record(code, [{ type: 'INTERVIEW', occurredOn: '2024-01-05', decidedOn: '2024-01-10' }, { ...fraud, decisionNo: '津医保罚〔2023〕9号', decidedOn: '2023-01-10', occurredOn: '2022-12-01' }]);
    await api.app.get(ListsRefreshService).refreshSubjects([id], new Date('2023-02-01T02:00:00Z'));
    const [candidate] = await entries(id);
    await api.app.get(ListLifecycleService).confirm(candidate.entry_id, 'reg', new Date('2023-03-01T02:00:00Z'));
    // Three years after the decision the publication period is over: the daily run (today) removes it as EXPIRED.
    const result = await api.app.get(ListsDailyService).run();
    expect(result.subjects).toBeGreaterThanOrEqual(1);
    expect((await entries(id)).find((e: { entry_id: string }) => e.entry_id === candidate.entry_id)).toMatchObject({ status: 'REMOVED', removal_reason: 'EXPIRED' });
    expect((await api.app.get(ListsDailyService).run()).changes).toBe(0); // a second run the same day changes nothing
  });

  it('a person appears by keyed hash and masked ID only: no clear resident ID or name anywhere in the feeds', async () => {
    const residentId = makeResidentId('12010319850101123');
    const recorded = await api.app.get(EventsService).record(
      [{ sourceSystem: 'lists', sourceRef: `p${++seq}`, residentId, type: 'INSURED_FRAUD', amountInvolvedFen: 800_000, fineFen: 1_600_000, fineMultiple: 2, decisionNo: '津医保罚〔2025〕88号', legalBasis: '条例第41条', occurredOn: '2025-03-01', decidedOn: '2025-04-01' }],
      'test',
    );
    const [{ subject_id }] = await api.dataSource.query('SELECT subject_id FROM events WHERE id = ?', [recorded.events[0].id]);
    await api.app.get(ListsRefreshService).refreshSubjects([String(subject_id)], new Date('2025-04-02T02:00:00Z'));
    const [candidate] = await entries(String(subject_id));
    expect(candidate).toMatchObject({ list: 'SEVERE_DISHONESTY', reason_code: 'INSURED_FRAUD' });
    await api.app.get(ListLifecycleService).confirm(candidate.entry_id, 'reg', new Date('2025-05-01T02:00:00Z'));
    const feed = await changesSince(api, ndrc, SD, 0);
    const mine = feed.changes.find((c) => c.entry.entryId === candidate.entry_id)!.entry as unknown as Record<string, unknown>;
    expect(mine).toMatchObject({ subjectType: 'INSURED_PERSON', subjectName: null, maskedId: `${residentId.slice(0, 6)}********${residentId.slice(14)}` });
    expect(mine.subjectKey).toMatch(/^[0-9a-f]{64}$/);
    const all = feed.raw.join('\n') + (await snapshot(api, ndrc, SD)).body;
    expect(containsResidentIdPattern(all)).toBe(false);
    expect(all).not.toContain(residentId);
  });
});
