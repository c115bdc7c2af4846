import { ApiKeysService, Role } from '@app/auth';
import { ListKind } from '@app/credit';
import { ListLifecycleService } from '@app/lists';
import { EventCorrectionsService, EventsService } from '@app/registry';
import { ListsRefreshService } from '@app/lists';
import { subjectIdentities } from '@app/lists/entries/subject-identity';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { applyLists, changesSince, desired, registerInstitutions, RULES } from './list-feeds-support';

let api: TestApi;
let ndrc: string;
let regulator: string;
let ids: string[];
const SD = ListKind.SEVERE_DISHONESTY;
// Friday 25 September 2026: ten working days later (weekends skipped) is Friday 9 October.
const NOTIFIED_AT = new Date('2026-09-25T02:00:00Z');
/** Fake decision keys of the tests ('9001' …) to the ids of the events recorded for them. */
const events = new Map<string, string>();
const fraud = (key: string, extra = {}) =>
  desired(SD, 'PENALTY_ART40', { eventId: events.get(key) ?? key, effectiveFrom: '2026-09-20', plannedEnd: '2029-09-19', legalBasis: '条例第40条', decisionNo: `津医保罚〔2026〕${key}号`, authority: '天津市医疗保障局', ...extra });
const lifecycle = () => api.app.get(ListLifecycleService);
const entryOf = async (subjectId: string) => (await api.dataSource.query('SELECT entry_id, status, objection_deadline, removal_reason FROM list_entries WHERE subject_id = ? ORDER BY id', [subjectId]));

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  ndrc = (await api.app.get(ApiKeysService).create(Role.NDRC, 'commission', 'test')).secret;
  regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'reg', 'test')).secret;
  ids = await registerInstitutions(api, 6, '1212000043');
  // The decisions the entries rest on (confirming re-checks that the decision is still in force).
  const recorded = await api.app.get(EventsService).record(
    ids.map((subjectId, i) => ({ sourceSystem: 'lifecycle', sourceRef: `f${i}`, subjectId, type: 'PENALTY_ART40', amountInvolvedFen: 1_000_000, fineFen: 2_000_000, fineMultiple: 2, occurredOn: '2026-09-01', decidedOn: '2026-09-20' })),
    'test',
  );
  recorded.events.forEach((e, i) => events.set(`900${i}`, e.id));
});
afterAll(() => api.close());

describe('the severe list: notified, objection period, confirmed by a regulator', () => {
  it('a candidate is notified with a 10-working-day objection deadline and stays out of the feed until confirmed after it', async () => {
    await applyLists(api, ids[1], [fraud('9001')], { now: NOTIFIED_AT });
    const [candidate] = await entryOf(ids[1]);
    expect(candidate).toMatchObject({ status: 'NOTIFIED', objection_deadline: '2026-10-09' });
    expect((await changesSince(api, ndrc, SD, 0)).changes).toEqual([]);

    await expect(lifecycle().confirm(candidate.entry_id, 'reg', new Date('2026-10-09T10:00:00Z'))).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'OBJECTION_PERIOD_OPEN' } });
    const confirmed = await lifecycle().confirm(candidate.entry_id, 'reg', new Date('2026-10-10T01:00:00Z'));
    expect(confirmed.status).toBe('ACTIVE');
    const feed = await changesSince(api, ndrc, SD, 0);
    expect(feed.changes).toEqual([expect.objectContaining({ seq: 1, op: 'ADD', removalReason: null, entry: expect.objectContaining({ entryId: candidate.entry_id, status: 'ACTIVE', reasonCode: 'PENALTY_ART40', legalBasis: '条例第40条', plannedEnd: '2029-09-19' }) })]);
    // Running the rules again changes nothing.
    expect(await applyLists(api, ids[1], [fraud('9001')], { now: new Date('2026-10-11T01:00:00Z') })).toBe(0);
  });

  it('an upheld objection drops the candidate for good: it is never published and the same decision does not bring it back', async () => {
    await applyLists(api, ids[2], [fraud('9002')], { now: NOTIFIED_AT });
    const [candidate] = await entryOf(ids[2]);
    await expect(lifecycle().recordObjection(candidate.entry_id, '2026-10-12', '处罚决定已申请复议', 'reg', new Date('2026-10-12T02:00:00Z'))).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'OBJECTION_PERIOD_OVER' } });
    const objection = await lifecycle().recordObjection(candidate.entry_id, '2026-10-09', '处罚决定已申请复议', 'reg', new Date('2026-10-09T02:00:00Z'));
    await expect(lifecycle().confirm(candidate.entry_id, 'reg', new Date('2026-10-20T02:00:00Z'))).rejects.toMatchObject({ details: { reason: 'OBJECTION_PENDING' } });
    await lifecycle().decideObjection(objection.id, true, '异议成立', 'reg');
    expect((await entryOf(ids[2]))[0]).toMatchObject({ status: 'DROPPED', removal_reason: 'OBJECTION_UPHELD' });
    expect(await applyLists(api, ids[2], [fraud('9002')], { now: new Date('2026-10-21T02:00:00Z') })).toBe(0);
    expect(await entryOf(ids[2])).toHaveLength(1);
    expect((await changesSince(api, ndrc, SD, 0)).changes.map((c) => c.entry.entryId)).not.toContain(candidate.entry_id);
  });

  it('leaves the list as REVOKED when its decision is revoked, and as EXPIRED when its period is over', async () => {
    for (const [subject, eventId] of [[ids[3], '9003'], [ids[4], '9004']] as const) {
      await applyLists(api, subject, [fraud(eventId)], { now: NOTIFIED_AT });
      await lifecycle().confirm((await entryOf(subject))[0].entry_id, 'reg', new Date('2026-10-12T02:00:00Z'));
    }
    const before = (await changesSince(api, ndrc, SD, 0)).lastSeq;
    await applyLists(api, ids[3], [], { revoked: [events.get('9003')!] });
    await applyLists(api, ids[4], [], { now: new Date('2029-09-20T02:00:00Z') }); // the day after plannedEnd
    const after = await changesSince(api, ndrc, SD, before);
    expect(after.changes.map((c) => [c.op, (c as unknown as { removalReason: string }).removalReason, c.entry.entryId])).toEqual([
      ['REMOVE', 'REVOKED', (await entryOf(ids[3]))[0].entry_id],
      ['REMOVE', 'EXPIRED', (await entryOf(ids[4]))[0].entry_id],
    ]);
    expect(after.changes.every((c) => (c.entry as unknown as { status: string }).status === 'REMOVED')).toBe(true);
  });

  it('regulators see entries and their objections over GraphQL, confirm there, and get clear errors', async () => {
    await applyLists(api, ids[5], [fraud('9005')], { now: NOTIFIED_AT });
    const list = await api.gql('{ listEntries(list: SEVERE_DISHONESTY, status: NOTIFIED) { nodes { entryId lifecycleStatus objectionDeadline objections { id } } } }', undefined, regulator);
    expect(list.body.errors).toBeUndefined();
    const [pending] = list.body.data.listEntries.nodes;
    expect(list.body.data.listEntries.nodes).toHaveLength(1);
    expect(pending).toMatchObject({ lifecycleStatus: 'NOTIFIED', objectionDeadline: '2026-10-09', objections: [] });
    const { entry_id } = (await entryOf(ids[5]))[0];
    const confirmed = await api.gql('mutation ($id: ID!) { confirmListEntry(entryId: $id) { entryId status lifecycleStatus confirmedAt } }', { id: entry_id }, regulator);
    expect(confirmed.body.data.confirmListEntry).toMatchObject({ entryId: entry_id, status: 'ACTIVE', lifecycleStatus: 'ACTIVE' });
    const again = await api.gql('mutation ($id: ID!) { confirmListEntry(entryId: $id) { entryId } }', { id: entry_id }, regulator);
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
    const bad = await api.gql('mutation ($id: ID!) { recordObjection(entryId: $id, receivedOn: "2999-01-01", summary: "x") { id } }', { id: entry_id }, regulator);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedOn' });
    const subject = await api.gql('query ($id: ID!) { subject(id: $id) { listEntries { entryId list lifecycleStatus reasonCode } } }', { id: ids[5] }, regulator);
    expect(subject.body.data.subject.listEntries).toEqual([{ entryId: entry_id, list: 'SEVERE_DISHONESTY', lifecycleStatus: 'ACTIVE', reasonCode: 'PENALTY_ART40' }]);
  });
});

describe('guards against acting on a decision that no longer stands', () => {
  it('confirming re-checks the decision: a candidate whose decision was revoked (before the list job ran) is refused', async () => {
    const [subject] = await registerInstitutions(api, 1, '1212000047');
    const [{ id: eventId }] = (
      await api.app.get(EventsService).record(
        [{ sourceSystem: 'lifecycle', sourceRef: 'revoked-1', subjectId: subject, type: 'PENALTY_ART40', amountInvolvedFen: 1_000_000, fineFen: 2_000_000, fineMultiple: 2, occurredOn: '2026-09-01', decidedOn: '2026-09-20' }],
        'test',
      )
    ).events;
    await applyLists(api, subject, [fraud('x', { eventId })], { now: NOTIFIED_AT });
    await api.app.get(EventCorrectionsService).revoke(eventId, '复议撤销', 'test');
    const [candidate] = await entryOf(subject);
    await expect(lifecycle().confirm(candidate.entry_id, 'reg', new Date('2026-10-12T02:00:00Z'))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'DECISION_NOT_IN_FORCE' },
    });
  });

  it('a refresh planned from events that changed before it wrote writes nothing (and is planned again)', async () => {
    const [subject] = await registerInstitutions(api, 1, '1212000048');
    const [identity] = await subjectIdentities(api.dataSource.manager, [subject]);
    const service = api.app.get(ListsRefreshService) as unknown as { write: (...args: unknown[]) => Promise<number | null> };
    const stale = await service.write(identity, [desired(ListKind.KEY_SUPERVISION, 'GRADE_D')], new Set(), new Date(), RULES, identity.eventRevision + 1);
    expect(stale).toBeNull();
    expect(await entryOf(subject)).toEqual([]);
    expect(await service.write(identity, [desired(ListKind.KEY_SUPERVISION, 'GRADE_D')], new Set(), new Date(), RULES, identity.eventRevision)).toBe(1);
  });
});

describe('the automatic lists', () => {
  it('an open-ended entry keeps the day it first appeared: the next days\' runs change nothing', async () => {
    const [subject] = await registerInstitutions(api, 1, '1212000045');
    const ks = (day: string) => desired(ListKind.KEY_SUPERVISION, 'GRADE_D', { effectiveFrom: day });
    expect(await applyLists(api, subject, [ks('2026-11-01')], { now: new Date('2026-11-01T02:00:00Z') })).toBe(1);
    expect(await applyLists(api, subject, [ks('2026-11-02')], { now: new Date('2026-11-02T02:00:00Z') })).toBe(0);
    expect(await applyLists(api, subject, [ks('2026-11-03')], { now: new Date('2026-11-03T02:00:00Z') })).toBe(0);
    const [row] = await api.dataSource.query('SELECT effective_from FROM list_entries WHERE subject_id = ?', [subject]);
    expect(row.effective_from).toBe('2026-11-01');
  });

  it('a reason that changes (grade D to E) is a MODIFY of the same entry, not a REMOVE and an ADD', async () => {
    const [subject] = await registerInstitutions(api, 1, '1212000049');
    await applyLists(api, subject, [desired(ListKind.KEY_SUPERVISION, 'GRADE_D')]);
    const before = (await changesSince(api, ndrc, ListKind.KEY_SUPERVISION, 0)).lastSeq;
    await applyLists(api, subject, [desired(ListKind.KEY_SUPERVISION, 'GRADE_E')]);
    const after = await changesSince(api, ndrc, ListKind.KEY_SUPERVISION, before);
    expect(after.changes.map((c) => [c.op, (c.entry as unknown as { reasonCode: string }).reasonCode])).toEqual([['MODIFY', 'GRADE_E']]);
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM list_entries WHERE subject_id = ?', [subject]))[0].n)).toBe(1);
  });
});
