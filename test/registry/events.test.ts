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
  insured,
  insuredEvent,
  Item,
  ok,
  orgCode,
  orgEvent,
  pharmacy,
  practitioner,
  practitionerEvent,
  record,
  RECORD,
  RegisteredSubject,
  register,
  RESIDENT_ID_SHAPE,
  residentId,
  shopCode,
  SOURCE,
  shanghaiToday,
  tomorrow,
} from './registry-helpers';

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

const EVENT = `query Event($id: ID!) { event(id: $id) { ${EVENT_FIELDS} subject { id type name maskedResidentId regionCode } } }`;
const RECORD_CREATED = `mutation Record($in: [RecordEventInput!]!) { recordEvents(input: $in) { created } }`;

interface World {
  hospital: RegisteredSubject;
  pharmacy: RegisteredSubject;
  doctor: RegisteredSubject;
  person: RegisteredSubject;
}

async function world(): Promise<World> {
  const [h, p, d, i] = await register(api, regulator, [hospital(1), pharmacy(2), practitioner(3), insured(4)]);
  return { hospital: h, pharmacy: p, doctor: d, person: i };
}

async function storedEvent(id: string): Promise<Record<string, any>> {
  return (await ok(api, EVENT, { id }, regulator)).event;
}

describe('recordEvents', () => {
  it('accepts one batch naming the same practitioner by subjectId and by residentId (one subject, not two)', async () => {
    const w = await world();
    const result = await record(api, regulator, [
      practitionerEvent('B-1', { subjectId: w.doctor.id, responsibility: 'GENERAL' }),
      practitionerEvent('B-2', { residentId: residentId(3), responsibility: 'MAIN' }),
    ]);
    expect(result.created).toBe(2);
    const [b1, b2] = await Promise.all(result.events.map((e) => storedEvent(e.id)));
    expect([b1.subjectId, b2.subjectId]).toEqual([w.doctor.id, w.doctor.id]);
  });

  it('records events naming the subject by subjectId, by creditCode and by residentId', async () => {
    const w = await world();
    // Registration announced the registered subjects already; what follows is the events' own announcement.
    const [{ id: before }] = await api.dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM outbox');
    const result = await record(api, regulator, [
      orgEvent('A-1', { subjectId: w.hospital.id, fineFen: 0, amountInvolvedFen: 123_456 }),
      orgEvent('A-2', { creditCode: shopCode(2), type: 'BREACH_FEE', status: 'PROPOSED' }),
      practitionerEvent('A-3', { residentId: residentId(3), responsibility: 'MAIN' }),
      insuredEvent('A-4', { residentId: residentId(20_004) }),
      orgEvent('A-5', { creditCode: orgCode(1), type: 'PENALTY_ART38', fineMultiple: 1.5, fineFen: 300_000, inspectionKind: 'FLIGHT', selfReported: true }),
    ]);
    expect(result.created).toBe(5);
    expect(result.duplicates).toBe(0);
    expect(result.events.map((e) => e.sourceRef)).toEqual(['A-1', 'A-2', 'A-3', 'A-4', 'A-5']);
    expect(new Set(result.events.map((e) => e.id)).size).toBe(5);

    const [e1, e2, e3, e4, e5] = await Promise.all(result.events.map((e) => storedEvent(e.id)));
    expect(e1).toMatchObject({ subjectId: w.hospital.id, sourceSystem: SOURCE, sourceRef: 'A-1', type: 'INTERVIEW', status: 'FINAL', version: 1 });
    expect(e1).toMatchObject({ fineFen: 0, amountInvolvedFen: 123_456, decidedOn: '2025-02-01', occurredOn: '2025-01-10', selfReported: false, changeReason: null });
    expect(e1.subject).toMatchObject({ id: w.hospital.id, type: 'MEDICAL_INSTITUTION' });
    expect(e2).toMatchObject({ subjectId: w.pharmacy.id, type: 'BREACH_FEE', status: 'PROPOSED' });
    expect(e3).toMatchObject({ subjectId: w.doctor.id, type: 'PAYMENT_DENIED', responsibility: 'MAIN' });
    expect(e4).toMatchObject({ subjectId: w.person.id, type: 'INSURED_VIOLATION', amountInvolvedFen: 500_000 });
    expect(e5).toMatchObject({ subjectId: w.hospital.id, type: 'PENALTY_ART38', fineMultiple: 1.5, fineFen: 300_000, inspectionKind: 'FLIGHT', selfReported: true });

    expect(await count(api.dataSource, 'events')).toBe(5);
    // One outbox message per affected subject, not per event.
    const outbox: { subject_id: string; topic: string }[] = await api.dataSource.query('SELECT subject_id, topic FROM outbox WHERE id > ? ORDER BY subject_id', [before]);
    expect(outbox.map((o) => String(o.subject_id)).sort()).toEqual([w.hospital.id, w.pharmacy.id, w.doctor.id, w.person.id].sort());
    expect(outbox.every((o) => o.topic === 'subject-changed')).toBe(true);
    expect(await count(api.dataSource, 'audit_log', `action = 'events.record'`)).toBe(1);
  });

  it('creates an insured person seen for the first time in an INSURED_VIOLATION, once, and reuses it', async () => {
    const id = residentId(30_000);
    const subjectsBefore = await count(api.dataSource, 'subjects');
    const first = await record(api, regulator, [
      insuredEvent('N-1', { residentId: id, regionCode: '120102' }),
      insuredEvent('N-2', { residentId: id.toLowerCase(), decidedOn: '2025-03-01' }),
    ]);
    expect(first.created).toBe(2);
    expect(await count(api.dataSource, 'subjects')).toBe(subjectsBefore + 1);
    const [e1, e2] = await Promise.all(first.events.map((e) => storedEvent(e.id)));
    expect(e2.subjectId).toBe(e1.subjectId);
    expect(e1.subject).toEqual({ id: e1.subjectId, type: 'INSURED_PERSON', name: null, maskedResidentId: `${id.slice(0, 6)}********${id.slice(14)}`, regionCode: '120102' });
    const [row] = await api.dataSource.query('SELECT resident_id_enc AS enc FROM subjects WHERE id = ?', [e1.subjectId]);
    expect(row.enc.toString('latin1')).not.toContain(id);

    await record(api, regulator, [insuredEvent('N-3', { residentId: id })]);
    expect(await count(api.dataSource, 'subjects')).toBe(subjectsBefore + 1);
    expect(await count(api.dataSource, 'events', 'subject_id = ?', [e1.subjectId])).toBe(3);
    // The events an AUDITOR reads of that person carry no resident ID.
    const auditor = await createKey(api, Role.AUDITOR);
    const res = await api.gql(EVENT, { id: e1.id }, auditor);
    expect(res.body.errors).toBeUndefined();
    expect(res.text).not.toMatch(RESIDENT_ID_SHAPE);
  });

  it('does not create a subject for an unknown practitioner or organisation: UNKNOWN_SUBJECT', async () => {
    await world();
    const before = await footprint(api.dataSource);
    let error = await fails(api, RECORD, { in: [orgEvent('U-1', { creditCode: orgCode(1) }), orgEvent('U-2', { creditCode: orgCode(404) })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 1, field: 'creditCode', reason: 'UNKNOWN_SUBJECT' });
    error = await fails(api, RECORD, { in: [practitionerEvent('U-3', { residentId: residentId(404) })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 0, field: 'residentId', reason: 'UNKNOWN_SUBJECT' });
    error = await fails(api, RECORD, { in: [orgEvent('U-4', { subjectId: '987654' })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 0, field: 'subjectId', reason: 'UNKNOWN_SUBJECT' });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('refuses a resident ID that names practitioner records in two professions: AMBIGUOUS_SUBJECT; subjectId settles it', async () => {
    const [nurse] = await register(api, regulator, [practitioner(5, { profession: 'NURSE' }), practitioner(5, { profession: 'PHARMACIST' })]);
    const error = await fails(api, RECORD, { in: [practitionerEvent('AM-1', { residentId: residentId(5) })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 0, field: 'residentId', reason: 'AMBIGUOUS_SUBJECT' });
    expect((await record(api, regulator, [practitionerEvent('AM-1', { subjectId: nurse.id })])).created).toBe(1);
  });

  it('answers a resend with the same ids, created 0 and every item a duplicate, and writes nothing', async () => {
    const w = await world();
    const batch = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? orgEvent(`D-${i}`, { creditCode: orgCode(1) }) : orgEvent(`D-${i}`, { subjectId: w.pharmacy.id, type: 'BREACH_FEE' }),
    );
    const first = await record(api, regulator, batch);
    expect(first).toMatchObject({ created: 40, duplicates: 0 });
    const before = await footprint(api.dataSource);

    const again = await record(api, regulator, batch);
    expect(again).toEqual({ created: 0, duplicates: 40, events: first.events });
    // Naming the subject the other way is the same submission.
    const renamed = await record(api, regulator, [orgEvent('D-0', { subjectId: w.hospital.id })]);
    expect(renamed).toEqual({ created: 0, duplicates: 1, events: [first.events[0]] });
    // Old and new mixed: only the new is created, and the answer keeps input order.
    const mixed = await record(api, regulator, [orgEvent('D-new', { creditCode: orgCode(1) }), batch[3], batch[0]]);
    expect(mixed.created).toBe(1);
    expect(mixed.duplicates).toBe(2);
    expect(mixed.events.slice(1)).toEqual([first.events[3], first.events[0]]);
    const after = await footprint(api.dataSource);
    expect(after).toEqual({ ...before, events: before.events + 1, outbox: before.outbox + 1, audit_log: before.audit_log + 1 });
  });

  it('treats the same item twice within one batch as one event', async () => {
    const w = await world();
    const item = orgEvent('T-1', { subjectId: w.hospital.id });
    const result = await record(api, regulator, [item, orgEvent('T-2', { subjectId: w.hospital.id }), item]);
    expect(result.created).toBe(2);
    expect(result.duplicates).toBe(1);
    expect(result.events[2]).toEqual(result.events[0]);
    expect(await count(api.dataSource, 'events')).toBe(2);
  });

  it('refuses a known sourceRef with different content: CONFLICT on sourceRef, the stored event unchanged, nothing else stored', async () => {
    const w = await world();
    const [stored] = (await record(api, regulator, [orgEvent('C-1', { subjectId: w.hospital.id, fineFen: 10_000 })])).events;
    const original = await storedEvent(stored.id);
    const before = await footprint(api.dataSource);

    const error = await fails(
      api,
      RECORD,
      {
        in: [
          orgEvent('C-2', { subjectId: w.hospital.id }),
          insuredEvent('C-3', { residentId: residentId(31_000) }),
          orgEvent('C-1', { subjectId: w.hospital.id, fineFen: 20_000 }),
          orgEvent('C-4', { subjectId: w.pharmacy.id }),
        ],
      },
      regulator,
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', index: 2, field: 'sourceRef' });
    expect(await storedEvent(stored.id)).toEqual(original);
    expect(await footprint(api.dataSource)).toEqual(before);
    // The same sourceRef under another sourceSystem is another event.
    const other = await record(api, regulator, [orgEvent('C-1', { subjectId: w.hospital.id, fineFen: 20_000, sourceSystem: 'OTHER-SYSTEM' })]);
    expect(other.created).toBe(1);
    expect(other.events[0].id).not.toBe(stored.id);
  });

  it('refuses a sourceRef repeated with different content within one batch: CONFLICT at the later index', async () => {
    const w = await world();
    const error = await fails(
      api,
      RECORD,
      { in: [orgEvent('W-1', { subjectId: w.hospital.id }), orgEvent('W-2', { subjectId: w.hospital.id }), orgEvent('W-1', { subjectId: w.pharmacy.id })] },
      regulator,
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', index: 2, field: 'sourceRef' });
    expect(await count(api.dataSource, 'events')).toBe(0);
  });
});

describe('recordEvents refuses a batch with one bad item and stores nothing', () => {
  type Case = [string, (w: World) => Item, string, string];
  const ART39 = (w: World, fineFen: number): Item => orgEvent('BAD', { subjectId: w.hospital.id, type: 'PENALTY_ART39', fineFen });
  const cases: Case[] = [
    ['an unknown event type (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'NOT_A_TYPE' }), 'type', 'UNKNOWN_EVENT_TYPE'],
    ['a negative fineFen', (w) => orgEvent('BAD', { subjectId: w.hospital.id, fineFen: -1 }), 'fineFen', 'INVALID_AMOUNT'],
    ['a negative amountInvolvedFen', (w) => orgEvent('BAD', { subjectId: w.hospital.id, amountInvolvedFen: -500 }), 'amountInvolvedFen', 'INVALID_AMOUNT'],
    ['a fineFen that is not a whole number (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, fineFen: 1.5 }), 'fineFen', 'INVALID_AMOUNT'],
    ['a fineFen given as a string (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, fineFen: '100' }), 'fineFen', 'INVALID_AMOUNT'],
    ['a fineFen above 2^53 (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, fineFen: 2 ** 53 }), 'fineFen', 'INVALID_AMOUNT'],
    ['a decision date in the future', (w) => orgEvent('BAD', { subjectId: w.hospital.id, decidedOn: tomorrow() }), 'decidedOn', 'INVALID_DATE'],
    ['an occurrence date in the future', (w) => orgEvent('BAD', { subjectId: w.hospital.id, occurredOn: tomorrow(), decidedOn: tomorrow() }), 'occurredOn', 'INVALID_DATE'],
    ['a decision before the occurrence', (w) => orgEvent('BAD', { subjectId: w.hospital.id, occurredOn: '2025-03-01', decidedOn: '2025-02-28' }), 'decidedOn', 'INVALID_DATE'],
    ['decidedOn 2026-02-30 (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, decidedOn: '2026-02-30' }), 'decidedOn', 'INVALID_DATE'],
    ['occurredOn 2025-02-29 (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, occurredOn: '2025-02-29' }), 'occurredOn', 'INVALID_DATE'],
    ['a date in another format (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, occurredOn: '2025/01/10' }), 'occurredOn', 'INVALID_DATE'],
    ['a practitioner event without responsibility, by residentId', () => practitionerEvent('BAD', { residentId: residentId(3), responsibility: null }), 'responsibility', 'MISSING_FIELD'],
    ['a practitioner event without responsibility, by subjectId', (w) => practitionerEvent('BAD', { subjectId: w.doctor.id, responsibility: null }), 'responsibility', 'MISSING_FIELD'],
    ['an insured-person event on a credit code', () => insuredEvent('BAD', { creditCode: orgCode(1) }), 'type', 'SUBJECT_TYPE_MISMATCH'],
    ['an insured-person event on a hospital by subjectId', (w) => insuredEvent('BAD', { subjectId: w.hospital.id }), 'type', 'SUBJECT_TYPE_MISMATCH'],
    ['an institution-only event on a practitioner', (w) => practitionerEvent('BAD', { subjectId: w.doctor.id, type: 'AGREEMENT_TERMINATED' }), 'type', 'SUBJECT_TYPE_MISMATCH'],
    ['a missing sourceRef (variables)', (w) => orgEvent('BAD', { subjectId: w.hospital.id, sourceRef: undefined }), 'sourceRef', 'MISSING_FIELD'],
    ['a blank sourceRef', (w) => orgEvent('BAD', { subjectId: w.hospital.id, sourceRef: '   ' }), 'sourceRef', 'MISSING_FIELD'],
    ['no subject at all', () => orgEvent('BAD'), 'subjectId', 'MISSING_FIELD'],
    ['two subject keys', (w) => orgEvent('BAD', { subjectId: w.hospital.id, creditCode: orgCode(1) }), 'creditCode', 'INVALID_VALUE'],
    ['a credit code with a wrong check character', () => orgEvent('BAD', { creditCode: '914403001922038217' }), 'creditCode', 'INVALID_CREDIT_CODE'],
    ['a resident ID with a wrong check digit', () => insuredEvent('BAD', { residentId: '110105194912310021' }), 'residentId', 'INVALID_RESIDENT_ID'],
    ['an unregistered credit code', () => orgEvent('BAD', { creditCode: orgCode(404) }), 'creditCode', 'UNKNOWN_SUBJECT'],
    ['status REVOKED on a new event', (w) => orgEvent('BAD', { subjectId: w.hospital.id, status: 'REVOKED' }), 'status', 'INVALID_VALUE'],
    ['an INSURED_VIOLATION without amountInvolvedFen', () => insuredEvent('BAD', { residentId: residentId(20_004), amountInvolvedFen: null }), 'amountInvolvedFen', 'MISSING_FIELD'],
    ['PENALTY_ART39 without a fine', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'PENALTY_ART39' }), 'fineFen', 'MISSING_FIELD'],
    ['PENALTY_ART39 with a fine of 999,999 fen', (w) => ART39(w, 999_999), 'fineFen', 'INVALID_AMOUNT'],
    ['PENALTY_ART39 with a fine of 5,000,001 fen', (w) => ART39(w, 5_000_001), 'fineFen', 'INVALID_AMOUNT'],
    ['PENALTY_ART38 without a multiple', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'PENALTY_ART38' }), 'fineMultiple', 'MISSING_FIELD'],
    ['PENALTY_ART38 with a multiple of 2.5', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'PENALTY_ART38', fineMultiple: 2.5 }), 'fineMultiple', 'INVALID_VALUE'],
    ['PENALTY_ART40 with a multiple of 1.5', (w) => orgEvent('BAD', { creditCode: shopCode(2), type: 'PENALTY_ART40', fineMultiple: 1.5 }), 'fineMultiple', 'INVALID_VALUE'],
    ['AGREEMENT_SUSPENDED without suspensionDays', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'AGREEMENT_SUSPENDED' }), 'suspensionDays', 'MISSING_FIELD'],
    ['AGREEMENT_SUSPENDED for 367 days', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'AGREEMENT_SUSPENDED', suspensionDays: 367 }), 'suspensionDays', 'INVALID_VALUE'],
    ['ANNUAL_ASSESSMENT without a result', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'ANNUAL_ASSESSMENT' }), 'assessmentResult', 'MISSING_FIELD'],
    ['a fine on a COMMENDATION', (w) => orgEvent('BAD', { subjectId: w.hospital.id, type: 'COMMENDATION', fineFen: 100 }), 'fineFen', 'INVALID_VALUE'],
    ['a resident ID inside decisionNo', (w) => orgEvent('BAD', { subjectId: w.hospital.id, decisionNo: `罚${residentId(3)}号` }), 'decisionNo', 'INVALID_VALUE'],
    ['a region code of 5 digits', (w) => orgEvent('BAD', { subjectId: w.hospital.id, regionCode: '12010' }), 'regionCode', 'INVALID_VALUE'],
  ];

  it.each(cases)('%s', async (_, bad, field, reason) => {
    const w = await world();
    await record(api, regulator, [orgEvent('OLD-1', { subjectId: w.hospital.id })]);
    const before = await footprint(api.dataSource);
    const batch = [
      orgEvent('OK-0', { creditCode: orgCode(1) }),
      orgEvent('OK-1', { subjectId: w.pharmacy.id, type: 'BREACH_FEE' }),
      practitionerEvent('OK-2', { residentId: residentId(3) }),
      // a first-seen insured person: creating them must roll back too
      insuredEvent('OK-3', { residentId: residentId(32_000) }),
      orgEvent('OK-4', { subjectId: w.hospital.id, type: 'PENALTY_ART39', fineFen: 1_000_000 }),
      bad(w),
      orgEvent('OK-6', { creditCode: shopCode(2) }),
    ];
    const error = await fails(api, RECORD, { in: batch }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 5, field, reason });
    expect(error.message).not.toMatch(RESIDENT_ID_SHAPE);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('every batch above is valid without its bad item', async () => {
    const w = await world();
    const result = await record(api, regulator, [
      orgEvent('OK-0', { creditCode: orgCode(1) }),
      orgEvent('OK-1', { subjectId: w.pharmacy.id, type: 'BREACH_FEE' }),
      practitionerEvent('OK-2', { residentId: residentId(3) }),
      insuredEvent('OK-3', { residentId: residentId(32_000) }),
      orgEvent('OK-4', { subjectId: w.hospital.id, type: 'PENALTY_ART39', fineFen: 1_000_000 }),
      orgEvent('OK-5', { subjectId: w.hospital.id, type: 'PENALTY_ART39', fineFen: 5_000_000 }),
      orgEvent('OK-6', { creditCode: shopCode(2), type: 'PENALTY_ART40', fineMultiple: 2 }),
      orgEvent('OK-7', { subjectId: w.hospital.id, type: 'PENALTY_ART38', fineMultiple: 2 }),
      orgEvent('OK-8', { subjectId: w.hospital.id, type: 'AGREEMENT_SUSPENDED', suspensionDays: 366 }),
      orgEvent('OK-9', { subjectId: w.hospital.id, type: 'ANNUAL_ASSESSMENT', assessmentResult: 'EXCELLENT', inspectionKind: null }),
      orgEvent('OK-10', { subjectId: w.hospital.id, type: 'COMMENDATION', fineFen: 0 }),
      practitionerEvent('OK-11', { residentId: residentId(3), type: 'PENALTY_ART38', responsibility: 'IMPORTANT' }),
      orgEvent('OK-12', { subjectId: w.hospital.id, occurredOn: '2024-02-29', decidedOn: '2024-02-29' }),
      // "today" is the Asia/Shanghai date, whatever the server's time zone
      orgEvent('OK-13', { subjectId: w.hospital.id, occurredOn: shanghaiToday(), decidedOn: shanghaiToday() }),
    ]);
    expect(result.created).toBe(14);
  });

  // event-type-rules.ts: "The multiple is the institution's fine; a practitioner's copy of the event need not
  // repeat it" (and likewise the Art.39 fine). Naming the practitioner by subjectId must not change that.
  it.each([
    ['PENALTY_ART38', 'residentId'],
    ['PENALTY_ART38', 'subjectId'],
    ['PENALTY_ART39', 'residentId'],
    ['PENALTY_ART39', 'subjectId'],
  ])("accepts a practitioner's %s without fine or multiple, named by %s", async (type, by) => {
    const w = await world();
    const ref = by === 'subjectId' ? { subjectId: w.doctor.id } : { residentId: residentId(3) };
    const result = await call(api, RECORD, { in: [practitionerEvent('P-1', { type, ...ref })] }, regulator);
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordEvents.created).toBe(1);
  });

  it('refuses more than 5,000 items with BATCH_TOO_LARGE', async () => {
    const w = await world();
    const before = await footprint(api.dataSource);
    const items = Array.from({ length: 5001 }, (_, i) => orgEvent(`L-${i}`, { subjectId: w.hospital.id }));
    const error = await fails(api, RECORD_CREATED, { in: items }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', reason: 'BATCH_TOO_LARGE' });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('accepts exactly 5,000 items and answers the contract result (created, duplicates, one id per item)', async () => {
    const w = await world();
    const items = Array.from({ length: 5000 }, (_, i) => orgEvent(`M-${i}`, { subjectId: i % 2 ? w.hospital.id : w.pharmacy.id }));
    const body = await call(api, RECORD, { in: items }, regulator);
    expect(body.errors).toBeUndefined();
    expect(body.data?.recordEvents.created).toBe(5000);
    expect(body.data?.recordEvents.events).toHaveLength(5000);
  });
});

describe('money is integer fen, exact to 2^53 - 1', () => {
  const MAX = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991

  it('round-trips the largest safe integer in fineFen and amountInvolvedFen', async () => {
    const w = await world();
    const { events } = await record(api, regulator, [
      orgEvent('F-1', { subjectId: w.hospital.id, fineFen: MAX, amountInvolvedFen: MAX }),
      orgEvent('F-2', { subjectId: w.hospital.id, type: 'PAYMENT_DENIED', amountInvolvedFen: MAX - 1 }),
    ]);
    const res = await api.gql(`query($id: ID!) { event(id: $id) { fineFen amountInvolvedFen } }`, { id: events[0].id }, regulator);
    expect(res.text).toContain('"fineFen":9007199254740991');
    expect(res.text).toContain('"amountInvolvedFen":9007199254740991');
    expect(res.body.data.event).toEqual({ fineFen: MAX, amountInvolvedFen: MAX });
    expect((await storedEvent(events[1].id)).amountInvolvedFen).toBe(MAX - 1);
    const [row] = await api.dataSource.query('SELECT CAST(fine_fen AS CHAR) AS fine, CAST(amount_involved_fen AS CHAR) AS amount FROM events WHERE id = ?', [events[0].id]);
    expect(row).toEqual({ fine: '9007199254740991', amount: '9007199254740991' });
  });

  it('refuses 2^53 and above, in variables and inline', async () => {
    const w = await world();
    const error = await fails(api, RECORD, { in: [orgEvent('F-3', { subjectId: w.hospital.id, amountInvolvedFen: 2 ** 53 })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 0, field: 'amountInvolvedFen', reason: 'INVALID_AMOUNT' });
    const inline = await call(
      api,
      `mutation { recordEvents(input: [{ sourceSystem: "S", sourceRef: "F-4", subjectId: "${w.hospital.id}", type: INTERVIEW,
         occurredOn: "2025-01-01", decidedOn: "2025-01-02", fineFen: 9007199254740993 }]) { created } }`,
      undefined,
      regulator,
    );
    expect(inline.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await count(api.dataSource, 'events')).toBe(0);
  });
});
