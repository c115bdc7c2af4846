import { makeCreditCode, shanghaiDate } from '@app/credit';
import { FaultStack } from './support/fault-stack';
import { waitFor } from '../support/wait-for';

/**
 * R6 (quality.md): the same event sent concurrently (same sourceSystem + sourceRef) is stored once; the same
 * list confirmation, repair application and repair decision sent at once take effect once: one change in the
 * list's log, one audit row. Against the real API process, requests in flight together.
 */
let stack: FaultStack;
let regulator: string;
const code = makeCreditCode('12120000880000001');
const PARALLEL = 6;

beforeAll(async () => {
  stack = await FaultStack.start('r6');
  regulator = stack.apiKey('REGULATOR');
  await Promise.all([stack.spawn('api'), stack.spawn('worker')]);
  const r = await stack.gql(
    'mutation ($s: [RegisterSubjectInput!]!) { registerSubjects(input: $s) { id } }',
    { s: [{ type: 'MEDICAL_INSTITUTION', name: '并发医院', creditCode: code, regionCode: '120103', agreementSignedOn: '2015-01-01' }] },
    regulator,
  );
  expect(r.errors).toBeUndefined();
});
afterAll(() => stack?.stop());

const together = <T>(call: () => Promise<T>) => Promise.all(Array.from({ length: PARALLEL }, call));
const errorCodes = (answers: { errors?: { extensions?: Record<string, unknown> }[] }[]) => answers.filter((a) => a.errors).map((a) => a.errors![0].extensions?.code);
const count = async (sql: string, params: unknown[] = []) => Number((await stack.query(sql, params))[0].n);

describe('R6: the same request sent concurrently takes effect once', () => {
  let entryId: string;

  it('the same event, sent six times at once: one event, the others answered as duplicates', async () => {
    // Decided in June 2025: a severe-list reason (Art.40) whose minimum publication year is over, for the repair below.
    const item = {
      sourceSystem: 'faults-r6', sourceRef: 'case-1', creditCode: code, type: 'PENALTY_ART40', legalBasis: '条例第40条', decisionNo: '津医保罚〔2025〕66号',
      authority: '天津市医疗保障局', occurredOn: '2025-05-01', decidedOn: '2025-06-02', amountInvolvedFen: 5_000_000, fineFen: 10_000_000, fineMultiple: 2,
    };
    const answers = await together(() => stack.gql('mutation ($e: [RecordEventInput!]!) { recordEvents(input: $e) { created duplicates events { id } } }', { e: [item] }, regulator));
    expect(errorCodes(answers)).toEqual([]);
    expect(answers.map((a) => a.data!.recordEvents.created).reduce((x: number, y: number) => x + y, 0)).toBe(1);
    expect(new Set(answers.map((a) => a.data!.recordEvents.events[0].id)).size).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM events WHERE source_system = 'faults-r6'`)).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'events.record'`)).toBe(1);

    // The worker's rescore run makes the severe-list candidate.
    const [entry] = await waitFor(async () => {
      const rows = await stack.query(`SELECT entry_id FROM list_entries WHERE list = 'SEVERE_DISHONESTY' AND status = 'NOTIFIED'`);
      return rows.length > 0 ? rows : null;
    }, 150_000, 100);
    entryId = entry.entry_id;
  });

  it('the same confirmation, six at once: one ADD in the feed, the rest CONFLICT', async () => {
    // The candidate's 10 working days for objections are arranged to be over (the test cannot wait two weeks).
    await stack.query('UPDATE list_entries SET objection_deadline = ? WHERE entry_id = ?', ['2026-01-05', entryId]);
    const answers = await together(() => stack.gql('mutation ($id: ID!) { confirmListEntry(entryId: $id) { status } }', { id: entryId }, regulator));
    expect(answers.filter((a) => a.data?.confirmListEntry?.status === 'ACTIVE')).toHaveLength(1);
    expect(errorCodes(answers)).toEqual(Array(PARALLEL - 1).fill('CONFLICT'));
    expect(await stack.query('SELECT op FROM list_changes WHERE entry_id = ?', [entryId])).toEqual([{ op: 'ADD' }]);
    expect(await count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'lists.confirm'`)).toBe(1);
  });

  it('the same repair application and the same decision, six at once: one application, one REMOVE (REPAIRED)', async () => {
    const input = { appliedOn: shanghaiDate(new Date()), penaltyPerformed: true, moneyReturned: true, publicCommitment: true };
    const applied = await together(() => stack.gql('mutation ($id: ID!, $in: CreditRepairInput!) { applyForCreditRepair(entryId: $id, input: $in) { id status } }', { id: entryId, in: input }, regulator));
    const made = applied.filter((a) => a.data?.applyForCreditRepair);
    expect(made).toHaveLength(1);
    expect(errorCodes(applied)).toEqual(Array(PARALLEL - 1).fill('CONFLICT'));
    const applicationId = made[0].data!.applyForCreditRepair.id;

    const decided = await together(() => stack.gql('mutation ($id: ID!) { decideCreditRepair(applicationId: $id, approve: true, reason: "信用修复完成") { status } }', { id: applicationId }, regulator));
    expect(decided.filter((a) => a.data?.decideCreditRepair?.status === 'APPROVED')).toHaveLength(1);
    expect(errorCodes(decided)).toEqual(Array(PARALLEL - 1).fill('CONFLICT'));
    expect(await stack.query('SELECT op, removal_reason FROM list_changes WHERE entry_id = ? ORDER BY seq', [entryId])).toEqual([
      { op: 'ADD', removal_reason: null },
      { op: 'REMOVE', removal_reason: 'REPAIRED' },
    ]);
    expect(await count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'lists.repair.approve'`)).toBe(1);
    // The log, its audit rows and the entries still agree.
    expect(stack.cli('lists:verify', '--list', 'SEVERE_DISHONESTY')).toMatchObject({ status: 0 });
  });
});
