import { AssessmentResult, EventType, Responsibility, SubjectType } from '../model';
import { validateEventItem } from './validate-event-item';
import { VALIDATION_REASONS } from './validation-issue';

const today = '2026-03-01';
const CREDIT_CODE = '91350100M000100Y43';
const RESIDENT_ID = '11010519491231002X';

type Item = Record<string, unknown>;

const base = { sourceSystem: 'TJ-CASE', sourceRef: 'R-0001', occurredOn: '2026-01-05', decidedOn: '2026-01-20' };
const org = (extra: Item): Item => ({ ...base, creditCode: CREDIT_CODE, ...extra });
const person = (extra: Item): Item => ({ ...base, residentId: RESIDENT_ID, ...extra });
const practitioner = (extra: Item): Item => person({ responsibility: Responsibility.GENERAL, ...extra });
const byId = (extra: Item): Item => ({ ...base, subjectId: 'subj-42', ...extra });
const without = (item: Item, field: string): Item => {
  const copy = { ...item };
  delete copy[field];
  return copy;
};

const validOrgEvents: Array<[EventType, Item]> = [
  [EventType.INTERVIEW, {}],
  [EventType.PAYMENT_DENIED, { amountInvolvedFen: 12_345_600 }],
  [EventType.BREACH_FEE, { amountInvolvedFen: 100_000 }],
  [EventType.PENALTY_ART39, { fineFen: 1_000_000 }],
  [EventType.PENALTY_ART38, { fineMultiple: 1, amountInvolvedFen: 5_000_000, fineFen: 5_000_000 }],
  [EventType.AGREEMENT_SUSPENDED, { suspensionDays: 180 }],
  [EventType.PENALTY_ART40, { fineMultiple: 2 }],
  [EventType.AGREEMENT_TERMINATED, {}],
  [EventType.POLICE_REFERRAL_CONFIRMED, {}],
  [EventType.ANNUAL_ASSESSMENT, { assessmentResult: AssessmentResult.EXCELLENT }],
  [EventType.CREDIT_COMMITMENT, {}],
  [EventType.COMMENDATION, {}],
  [EventType.INVESTIGATION_HOLD, {}],
  [EventType.PENALTY_NOT_PERFORMED, { decisionNo: '津医保罚〔2024〕12号', fineFen: 254_100 }],
];

const validPersonEvents: Array<[EventType, Item]> = [
  [EventType.INTERVIEW, { responsibility: Responsibility.GENERAL }],
  [EventType.PAYMENT_DENIED, { responsibility: Responsibility.IMPORTANT }],
  [EventType.BREACH_FEE, { responsibility: Responsibility.MAIN }],
  [EventType.PENALTY_ART38, { responsibility: Responsibility.MAIN }], // the multiple is the institution's
  [EventType.PENALTY_ART39, { responsibility: Responsibility.MAIN }],
  [EventType.PENALTY_ART40, { responsibility: Responsibility.MAIN, fineMultiple: 3 }],
  [EventType.IMPERSONATED_SETTLEMENT, { responsibility: Responsibility.MAIN }],
  [EventType.LICENCE_REVOKED, { responsibility: Responsibility.MAIN }],
  [EventType.REPAIR_ACTIVITY, {}], // no responsibility needed
  [EventType.INSURED_VIOLATION, { amountInvolvedFen: 800_000 }],
  [EventType.INSURED_FRAUD, { fineMultiple: 2.5 }],
  [EventType.PENALTY_NOT_PERFORMED, { decisionNo: '津医保罚〔2024〕13号' }],
];

describe('validateEventItem accepts', () => {
  it.each(validOrgEvents)('%s on an institution by credit code', (type, extra) => {
    expect(validateEventItem(org({ type, ...extra }), { today })).toBeNull();
    expect(validateEventItem(org({ type, ...extra }), { today, subjectType: SubjectType.PHARMACY })).toBeNull();
  });

  it.each(validPersonEvents)('%s on a person by resident ID', (type, extra) => {
    expect(validateEventItem(person({ type, ...extra }), { today })).toBeNull();
  });

  it.each([
    ['status PROPOSED', org({ type: 'INTERVIEW', status: 'PROPOSED' })],
    ['status UNDER_APPEAL', org({ type: 'INTERVIEW', status: 'UNDER_APPEAL' })],
    ['status FINAL', org({ type: 'INTERVIEW', status: 'FINAL' })],
    ['decided today', org({ type: 'INTERVIEW', decidedOn: today })],
    ['decided the day it occurred', org({ type: 'INTERVIEW', occurredOn: '2026-01-20' })],
    ['all optional texts', org({ type: 'INTERVIEW', legalBasis: '条例第38条', decisionNo: '津医保罚〔2024〕12号', authority: '天津市医疗保障局', regionCode: '120000' })],
    ['texts of exactly 128 characters', org({ type: 'INTERVIEW', decisionNo: '号'.repeat(128), authority: 'a'.repeat(128), legalBasis: 'b'.repeat(128) })],
    ['sourceSystem of 64 and sourceRef of 128', org({ type: 'INTERVIEW', sourceSystem: 's'.repeat(64), sourceRef: 'r'.repeat(128) })],
    ['flight inspection, self-reported', org({ type: 'PAYMENT_DENIED', inspectionKind: 'FLIGHT', selfReported: true })],
    ['selfReported false', org({ type: 'PAYMENT_DENIED', selfReported: false })],
    ['empty CSV cells for optional fields', org({ type: 'INTERVIEW', status: '', legalBasis: '', regionCode: '', fineFen: '', inspectionKind: null, subjectId: '', residentId: null })],
    ['Art.39 fine at the upper bound', org({ type: 'PENALTY_ART39', fineFen: 5_000_000 })],
    ['Art.38 multiple at 2', org({ type: 'PENALTY_ART38', fineMultiple: 2 })],
    ['Art.38 multiple of 1.1 (inexact in binary)', org({ type: 'PENALTY_ART38', fineMultiple: 1.1 })],
    ['Art.40 multiple at 5', org({ type: 'PENALTY_ART40', fineMultiple: 5 })],
    ['suspension of 1 day', org({ type: 'AGREEMENT_SUSPENDED', suspensionDays: 1 })],
    ['suspension of 366 days', org({ type: 'AGREEMENT_SUSPENDED', suspensionDays: 366 })],
    ['a fine of 0 on an assessment (CSV default)', org({ type: 'ANNUAL_ASSESSMENT', assessmentResult: 'FAIL', fineFen: 0 })],
    ['a subjectId without a type (responsibility cannot be demanded)', byId({ type: 'INTERVIEW' })],
    ['lower-case x in the resident ID', person({ type: 'INSURED_VIOLATION', amountInvolvedFen: 1, residentId: '11010519491231002x' })],
    ['a huge but safe amount', org({ type: 'PAYMENT_DENIED', amountInvolvedFen: Number.MAX_SAFE_INTEGER })],
    ['unknown extra columns are ignored', org({ type: 'INTERVIEW', remark: 'anything' })],
  ])('%s', (_, item) => {
    expect(validateEventItem(item, { today })).toBeNull();
  });

  it.each([
    [SubjectType.PRACTITIONER, byId({ type: 'INTERVIEW', responsibility: 'GENERAL' })],
    [SubjectType.PRACTITIONER, byId({ type: 'REPAIR_ACTIVITY' })],
    [SubjectType.INSURED_PERSON, byId({ type: 'INSURED_VIOLATION', amountInvolvedFen: 0 })],
    [SubjectType.MEDICAL_INSTITUTION, byId({ type: 'PENALTY_ART38', fineMultiple: 1.5 })],
    [SubjectType.PHARMACY, byId({ type: 'AGREEMENT_SUSPENDED', suspensionDays: 200 })],
    [SubjectType.PRACTITIONER, person({ type: 'INTERVIEW', responsibility: 'GENERAL' })],
    [SubjectType.INSURED_PERSON, person({ type: 'INSURED_FRAUD' })],
  ])('a subject resolved as %s', (subjectType, item) => {
    expect(validateEventItem(item, { today, subjectType })).toBeNull();
  });
});

// [case, item, context subject type, field, reason]
const invalid: Array<[string, unknown, SubjectType | undefined, string, string]> = [
  // the item itself
  ['null item', null, undefined, 'item', 'INVALID_VALUE'],
  ['array item', [org({ type: 'INTERVIEW' })], undefined, 'item', 'INVALID_VALUE'],
  ['string item', 'INTERVIEW', undefined, 'item', 'INVALID_VALUE'],
  // source identifiers
  ['sourceSystem missing', without(org({ type: 'INTERVIEW' }), 'sourceSystem'), undefined, 'sourceSystem', 'MISSING_FIELD'],
  ['sourceSystem blank', org({ type: 'INTERVIEW', sourceSystem: '   ' }), undefined, 'sourceSystem', 'MISSING_FIELD'],
  ['sourceSystem not a string', org({ type: 'INTERVIEW', sourceSystem: 7 }), undefined, 'sourceSystem', 'INVALID_VALUE'],
  ['sourceSystem of 65 characters', org({ type: 'INTERVIEW', sourceSystem: 's'.repeat(65) }), undefined, 'sourceSystem', 'INVALID_VALUE'],
  ['sourceSystem with a tab', org({ type: 'INTERVIEW', sourceSystem: 'TJ\tCASE' }), undefined, 'sourceSystem', 'INVALID_VALUE'],
  ['sourceRef missing', without(org({ type: 'INTERVIEW' }), 'sourceRef'), undefined, 'sourceRef', 'MISSING_FIELD'],
  ['sourceRef null', org({ type: 'INTERVIEW', sourceRef: null }), undefined, 'sourceRef', 'MISSING_FIELD'],
  ['sourceRef of 129 characters', org({ type: 'INTERVIEW', sourceRef: 'r'.repeat(129) }), undefined, 'sourceRef', 'INVALID_VALUE'],
  ['sourceRef with a newline', org({ type: 'INTERVIEW', sourceRef: 'R-1\nR-2' }), undefined, 'sourceRef', 'INVALID_VALUE'],
  ['sourceRef with a NUL', org({ type: 'INTERVIEW', sourceRef: 'R-1\u0000' }), undefined, 'sourceRef', 'INVALID_VALUE'],
  // type
  ['type missing', org({}), undefined, 'type', 'MISSING_FIELD'],
  ['type unknown', org({ type: 'WARNING' }), undefined, 'type', 'UNKNOWN_EVENT_TYPE'],
  ['type in lower case', org({ type: 'interview' }), undefined, 'type', 'UNKNOWN_EVENT_TYPE'],
  ['type not a string', org({ type: 3 }), undefined, 'type', 'UNKNOWN_EVENT_TYPE'],
  // subject reference
  ['no subject reference', { ...base, type: 'INTERVIEW' }, undefined, 'subjectId', 'MISSING_FIELD'],
  ['two subject references', org({ type: 'INTERVIEW', subjectId: 'subj-42' }), undefined, 'creditCode', 'INVALID_VALUE'],
  ['credit code and resident ID', org({ type: 'INTERVIEW', residentId: RESIDENT_ID }), undefined, 'residentId', 'INVALID_VALUE'],
  ['subjectId not a string', byId({ type: 'INTERVIEW', subjectId: 42 }), undefined, 'subjectId', 'INVALID_VALUE'],
  ['subjectId too long', byId({ type: 'INTERVIEW', subjectId: 'x'.repeat(65) }), undefined, 'subjectId', 'INVALID_VALUE'],
  ['credit code with a wrong check character', org({ type: 'INTERVIEW', creditCode: '91350100M000100Y44' }), undefined, 'creditCode', 'INVALID_CREDIT_CODE'],
  ['credit code too short', org({ type: 'INTERVIEW', creditCode: '91350100M000100Y4' }), undefined, 'creditCode', 'INVALID_CREDIT_CODE'],
  ['credit code in lower case', org({ type: 'INTERVIEW', creditCode: '91350100m000100y43' }), undefined, 'creditCode', 'INVALID_CREDIT_CODE'],
  ['credit code with an O', org({ type: 'INTERVIEW', creditCode: '91350100O000100Y43' }), undefined, 'creditCode', 'INVALID_CREDIT_CODE'],
  ['credit code as a number', org({ type: 'INTERVIEW', creditCode: 913501001 }), undefined, 'creditCode', 'INVALID_CREDIT_CODE'],
  ['resident ID with a wrong check digit', person({ type: 'INSURED_FRAUD', residentId: '110105194912310021' }), undefined, 'residentId', 'INVALID_RESIDENT_ID'],
  ['resident ID with an impossible birth date', person({ type: 'INSURED_FRAUD', residentId: '110105190002290017' }), undefined, 'residentId', 'INVALID_RESIDENT_ID'],
  ['resident ID of a person born after today', person({ type: 'INSURED_FRAUD', residentId: '110105202603020020' }), undefined, 'residentId', 'INVALID_RESIDENT_ID'],
  ['resident ID too short', person({ type: 'INSURED_FRAUD', residentId: '11010519491231002' }), undefined, 'residentId', 'INVALID_RESIDENT_ID'],
  ['resident ID with letters', person({ type: 'INSURED_FRAUD', residentId: '11010519491231A02X' }), undefined, 'residentId', 'INVALID_RESIDENT_ID'],
  // subject type agreement
  ['credit code on a practitioner', org({ type: 'INTERVIEW' }), SubjectType.PRACTITIONER, 'creditCode', 'SUBJECT_TYPE_MISMATCH'],
  ['resident ID on an institution', person({ type: 'INTERVIEW' }), SubjectType.MEDICAL_INSTITUTION, 'residentId', 'SUBJECT_TYPE_MISMATCH'],
  ['insured event on an institution', org({ type: 'INSURED_VIOLATION', amountInvolvedFen: 1 }), undefined, 'type', 'SUBJECT_TYPE_MISMATCH'],
  // a penalty not carried out: the decision it names, nothing of the original decision's measures, not on practitioners
  ['penalty not performed without its decision number', org({ type: 'PENALTY_NOT_PERFORMED' }), undefined, 'decisionNo', 'MISSING_FIELD'],
  ['penalty not performed with a multiple', org({ type: 'PENALTY_NOT_PERFORMED', decisionNo: 'X-1', fineMultiple: 2 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['penalty not performed with a suspension', org({ type: 'PENALTY_NOT_PERFORMED', decisionNo: 'X-1', suspensionDays: 30 }), undefined, 'suspensionDays', 'INVALID_VALUE'],
  ['penalty not performed on a practitioner', person({ type: 'PENALTY_NOT_PERFORMED', decisionNo: 'X-1', responsibility: 'MAIN' }), SubjectType.PRACTITIONER, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['licence revoked on a pharmacy', org({ type: 'LICENCE_REVOKED' }), SubjectType.PHARMACY, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['repair activity on an institution', org({ type: 'REPAIR_ACTIVITY' }), undefined, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['commendation on a person', person({ type: 'COMMENDATION' }), undefined, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['agreement terminated on a person', person({ type: 'AGREEMENT_TERMINATED' }), undefined, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['suspension on a practitioner', byId({ type: 'AGREEMENT_SUSPENDED', suspensionDays: 30 }), SubjectType.PRACTITIONER, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['interview on an insured person', byId({ type: 'INTERVIEW' }), SubjectType.INSURED_PERSON, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['insured fraud on a practitioner', person({ type: 'INSURED_FRAUD' }), SubjectType.PRACTITIONER, 'type', 'SUBJECT_TYPE_MISMATCH'],
  ['practitioner event on an insured person', person({ type: 'IMPERSONATED_SETTLEMENT', responsibility: 'MAIN' }), SubjectType.INSURED_PERSON, 'type', 'SUBJECT_TYPE_MISMATCH'],
  // status
  ['status REVOKED', org({ type: 'INTERVIEW', status: 'REVOKED' }), undefined, 'status', 'INVALID_VALUE'],
  ['status AMENDED', org({ type: 'INTERVIEW', status: 'AMENDED' }), undefined, 'status', 'INVALID_VALUE'],
  ['status unknown', org({ type: 'INTERVIEW', status: 'DRAFT' }), undefined, 'status', 'INVALID_VALUE'],
  ['status not a string', org({ type: 'INTERVIEW', status: true }), undefined, 'status', 'INVALID_VALUE'],
  // dates
  ['occurredOn missing', without(org({ type: 'INTERVIEW' }), 'occurredOn'), undefined, 'occurredOn', 'MISSING_FIELD'],
  ['decidedOn missing', without(org({ type: 'INTERVIEW' }), 'decidedOn'), undefined, 'decidedOn', 'MISSING_FIELD'],
  ['occurredOn not a date', org({ type: 'INTERVIEW', occurredOn: '2026-02-30' }), undefined, 'occurredOn', 'INVALID_DATE'],
  ['occurredOn in another format', org({ type: 'INTERVIEW', occurredOn: '2026/01/05' }), undefined, 'occurredOn', 'INVALID_DATE'],
  ['occurredOn with a time', org({ type: 'INTERVIEW', occurredOn: '2026-01-05T00:00:00Z' }), undefined, 'occurredOn', 'INVALID_DATE'],
  ['occurredOn as a number', org({ type: 'INTERVIEW', occurredOn: 20260105 }), undefined, 'occurredOn', 'INVALID_DATE'],
  ['occurredOn in the future', org({ type: 'INTERVIEW', occurredOn: '2026-03-02', decidedOn: '2026-03-02' }), undefined, 'occurredOn', 'INVALID_DATE'],
  ['decidedOn tomorrow', org({ type: 'INTERVIEW', decidedOn: '2026-03-02' }), undefined, 'decidedOn', 'INVALID_DATE'],
  ['decidedOn 29 February of a common year', org({ type: 'INTERVIEW', decidedOn: '2025-02-29' }), undefined, 'decidedOn', 'INVALID_DATE'],
  ['decidedOn before occurredOn', org({ type: 'INTERVIEW', occurredOn: '2026-01-20', decidedOn: '2026-01-19' }), undefined, 'decidedOn', 'INVALID_DATE'],
  ['occurredOn in year 0224 (typo)', org({ type: 'INTERVIEW', occurredOn: '0224-01-05' }), undefined, 'occurredOn', 'INVALID_DATE'],
  // texts and region
  ['decisionNo of 129 characters', org({ type: 'INTERVIEW', decisionNo: '号'.repeat(129) }), undefined, 'decisionNo', 'INVALID_VALUE'],
  ['legalBasis of 129 characters', org({ type: 'INTERVIEW', legalBasis: 'b'.repeat(129) }), undefined, 'legalBasis', 'INVALID_VALUE'],
  ['authority of 129 characters', org({ type: 'INTERVIEW', authority: 'a'.repeat(129) }), undefined, 'authority', 'INVALID_VALUE'],
  ['authority not a string', org({ type: 'INTERVIEW', authority: { name: 'x' } }), undefined, 'authority', 'INVALID_VALUE'],
  ['decisionNo with a control character', org({ type: 'INTERVIEW', decisionNo: 'A\u0007' }), undefined, 'decisionNo', 'INVALID_VALUE'],
  ['a resident ID inside decisionNo', org({ type: 'INTERVIEW', decisionNo: `罚字${RESIDENT_ID}号` }), undefined, 'decisionNo', 'INVALID_VALUE'],
  ['a resident ID inside authority', org({ type: 'INTERVIEW', authority: RESIDENT_ID }), undefined, 'authority', 'INVALID_VALUE'],
  ['a resident ID inside legalBasis', org({ type: 'INTERVIEW', legalBasis: `${RESIDENT_ID}` }), undefined, 'legalBasis', 'INVALID_VALUE'],
  ['regionCode of 5 digits', org({ type: 'INTERVIEW', regionCode: '12000' }), undefined, 'regionCode', 'INVALID_VALUE'],
  ['regionCode with a letter', org({ type: 'INTERVIEW', regionCode: '12000A' }), undefined, 'regionCode', 'INVALID_VALUE'],
  ['regionCode 000000', org({ type: 'INTERVIEW', regionCode: '000000' }), undefined, 'regionCode', 'INVALID_VALUE'],
  ['regionCode as a number', org({ type: 'INTERVIEW', regionCode: 120000 }), undefined, 'regionCode', 'INVALID_VALUE'],
  // money
  ['negative amount', org({ type: 'PAYMENT_DENIED', amountInvolvedFen: -1 }), undefined, 'amountInvolvedFen', 'INVALID_AMOUNT'],
  ['fractional amount', org({ type: 'PAYMENT_DENIED', amountInvolvedFen: 100.5 }), undefined, 'amountInvolvedFen', 'INVALID_AMOUNT'],
  ['amount as a string', org({ type: 'PAYMENT_DENIED', amountInvolvedFen: '100' }), undefined, 'amountInvolvedFen', 'INVALID_AMOUNT'],
  ['amount beyond safe integers', org({ type: 'PAYMENT_DENIED', amountInvolvedFen: 2 ** 53 }), undefined, 'amountInvolvedFen', 'INVALID_AMOUNT'],
  ['amount NaN', org({ type: 'PAYMENT_DENIED', amountInvolvedFen: NaN }), undefined, 'amountInvolvedFen', 'INVALID_AMOUNT'],
  ['amount Infinity', org({ type: 'PAYMENT_DENIED', amountInvolvedFen: Infinity }), undefined, 'amountInvolvedFen', 'INVALID_AMOUNT'],
  ['negative fine', org({ type: 'PENALTY_ART38', fineMultiple: 1, fineFen: -100 }), undefined, 'fineFen', 'INVALID_AMOUNT'],
  ['fractional fine', org({ type: 'PENALTY_ART38', fineMultiple: 1, fineFen: 0.5 }), undefined, 'fineFen', 'INVALID_AMOUNT'],
  // other enumerations
  ['responsibility unknown', practitioner({ type: 'INTERVIEW', responsibility: 'MINOR' }), undefined, 'responsibility', 'INVALID_VALUE'],
  ['selfReported as a string', org({ type: 'INTERVIEW', selfReported: 'true' }), undefined, 'selfReported', 'INVALID_VALUE'],
  ['selfReported as 1', org({ type: 'INTERVIEW', selfReported: 1 }), undefined, 'selfReported', 'INVALID_VALUE'],
  ['inspectionKind unknown', org({ type: 'INTERVIEW', inspectionKind: 'AUDIT' }), undefined, 'inspectionKind', 'INVALID_VALUE'],
  ['assessmentResult unknown', org({ type: 'ANNUAL_ASSESSMENT', assessmentResult: 'SUPERB' }), undefined, 'assessmentResult', 'INVALID_VALUE'],
  // PENALTY_ART39
  ['Art.39 without a fine', org({ type: 'PENALTY_ART39' }), undefined, 'fineFen', 'MISSING_FIELD'],
  ['Art.39 fine below 10,000 yuan', org({ type: 'PENALTY_ART39', fineFen: 999_999 }), undefined, 'fineFen', 'INVALID_AMOUNT'],
  ['Art.39 fine above 50,000 yuan', org({ type: 'PENALTY_ART39', fineFen: 5_000_001 }), undefined, 'fineFen', 'INVALID_AMOUNT'],
  ['Art.39 fine given in yuan', org({ type: 'PENALTY_ART39', fineFen: 20_000 }), undefined, 'fineFen', 'INVALID_AMOUNT'],
  ['Art.39 on a subjectId of unknown type still needs the fine', byId({ type: 'PENALTY_ART39' }), undefined, 'fineFen', 'MISSING_FIELD'],
  ['Art.39 fine out of range on a practitioner', practitioner({ type: 'PENALTY_ART39', fineFen: 100 }), undefined, 'fineFen', 'INVALID_AMOUNT'],
  // PENALTY_ART38
  ['Art.38 without a multiple', org({ type: 'PENALTY_ART38' }), undefined, 'fineMultiple', 'MISSING_FIELD'],
  ['Art.38 multiple below 1', org({ type: 'PENALTY_ART38', fineMultiple: 0.9 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['Art.38 multiple above 2', org({ type: 'PENALTY_ART38', fineMultiple: 2.1 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['Art.38 multiple with two decimals', org({ type: 'PENALTY_ART38', fineMultiple: 1.25 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['Art.38 multiple as a string', org({ type: 'PENALTY_ART38', fineMultiple: '1.5' }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['Art.38 multiple NaN', org({ type: 'PENALTY_ART38', fineMultiple: NaN }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['Art.38 multiple of 5 on a practitioner', practitioner({ type: 'PENALTY_ART38', fineMultiple: 5 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  // PENALTY_ART40 and INSURED_FRAUD
  ['Art.40 without a multiple', org({ type: 'PENALTY_ART40' }), undefined, 'fineMultiple', 'MISSING_FIELD'],
  ['Art.40 multiple below 2', org({ type: 'PENALTY_ART40', fineMultiple: 1.5 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['Art.40 multiple above 5', org({ type: 'PENALTY_ART40', fineMultiple: 5.5 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['insured fraud multiple above 5', person({ type: 'INSURED_FRAUD', fineMultiple: 6 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['a multiple above 5 on another sanction', org({ type: 'PAYMENT_DENIED', fineMultiple: 6 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  // AGREEMENT_SUSPENDED
  ['suspension without days', org({ type: 'AGREEMENT_SUSPENDED' }), undefined, 'suspensionDays', 'MISSING_FIELD'],
  ['suspension of 0 days', org({ type: 'AGREEMENT_SUSPENDED', suspensionDays: 0 }), undefined, 'suspensionDays', 'INVALID_VALUE'],
  ['suspension of 367 days', org({ type: 'AGREEMENT_SUSPENDED', suspensionDays: 367 }), undefined, 'suspensionDays', 'INVALID_VALUE'],
  ['suspension of 90.5 days', org({ type: 'AGREEMENT_SUSPENDED', suspensionDays: 90.5 }), undefined, 'suspensionDays', 'INVALID_VALUE'],
  ['suspension days as a string', org({ type: 'AGREEMENT_SUSPENDED', suspensionDays: '180' }), undefined, 'suspensionDays', 'INVALID_VALUE'],
  ['negative suspension on another type', org({ type: 'INVESTIGATION_HOLD', suspensionDays: -5 }), undefined, 'suspensionDays', 'INVALID_VALUE'],
  // ANNUAL_ASSESSMENT and other non-sanctions
  ['assessment without a result', org({ type: 'ANNUAL_ASSESSMENT' }), undefined, 'assessmentResult', 'MISSING_FIELD'],
  ['assessment with a fine', org({ type: 'ANNUAL_ASSESSMENT', assessmentResult: 'FAIL', fineFen: 100_000 }), undefined, 'fineFen', 'INVALID_VALUE'],
  ['assessment with a multiple', org({ type: 'ANNUAL_ASSESSMENT', assessmentResult: 'FAIL', fineMultiple: 1 }), undefined, 'fineMultiple', 'INVALID_VALUE'],
  ['assessment with a suspension', org({ type: 'ANNUAL_ASSESSMENT', assessmentResult: 'FAIL', suspensionDays: 30 }), undefined, 'suspensionDays', 'INVALID_VALUE'],
  ['commendation with a fine', org({ type: 'COMMENDATION', fineFen: 1 }), undefined, 'fineFen', 'INVALID_VALUE'],
  ['repair activity with a fine', person({ type: 'REPAIR_ACTIVITY', fineFen: 1 }), undefined, 'fineFen', 'INVALID_VALUE'],
  ['assessment result on another type', org({ type: 'INTERVIEW', assessmentResult: 'GOOD' }), undefined, 'assessmentResult', 'INVALID_VALUE'],
  // INSURED_VIOLATION
  ['insured violation without an amount', person({ type: 'INSURED_VIOLATION' }), undefined, 'amountInvolvedFen', 'MISSING_FIELD'],
  ['insured violation with a negative amount', person({ type: 'INSURED_VIOLATION', amountInvolvedFen: -1 }), undefined, 'amountInvolvedFen', 'INVALID_AMOUNT'],
  // practitioner responsibility
  ['practitioner interview without responsibility', person({ type: 'INTERVIEW' }), undefined, 'responsibility', 'MISSING_FIELD'],
  ['practitioner event by subjectId without responsibility', byId({ type: 'PENALTY_ART38' }), SubjectType.PRACTITIONER, 'responsibility', 'MISSING_FIELD'],
  ['impersonated settlement without responsibility', person({ type: 'IMPERSONATED_SETTLEMENT' }), undefined, 'responsibility', 'MISSING_FIELD'],
  ['licence revoked without responsibility', person({ type: 'LICENCE_REVOKED' }), undefined, 'responsibility', 'MISSING_FIELD'],
  ['practitioner Art.40 without responsibility', person({ type: 'PENALTY_ART40' }), undefined, 'responsibility', 'MISSING_FIELD'],
  ['responsibility as an empty string', person({ type: 'INTERVIEW', responsibility: '' }), undefined, 'responsibility', 'MISSING_FIELD'],
];

describe('validateEventItem rejects', () => {
  it.each(invalid)('%s', (_, item, subjectType, field, reason) => {
    const found = validateEventItem(item, { today, subjectType });
    expect(found).toEqual({ field, reason, message: expect.stringMatching(new RegExp(`^${field}: \\S`)) });
  });

  it('uses only the published reason codes', () => {
    for (const [, item, subjectType] of invalid) {
      expect(VALIDATION_REASONS).toContain(validateEventItem(item, { today, subjectType })?.reason);
    }
  });

  it('reports the first problem in field order', () => {
    const item = { sourceRef: '', type: 'NOPE', occurredOn: 'x' };
    expect(validateEventItem(item, { today })).toMatchObject({ field: 'sourceSystem', reason: 'MISSING_FIELD' });
    expect(validateEventItem({ ...item, sourceSystem: 'S' }, { today })).toMatchObject({ field: 'sourceRef' });
    expect(validateEventItem({ ...item, sourceSystem: 'S', sourceRef: 'R' }, { today })).toMatchObject({ field: 'type' });
  });
});

describe('validateEventItem keeps personal data out of messages', () => {
  const ids = ['11010519491231002X', '110105194912310021', '11010519491231002x', '110105202603020020'];
  const fields = [
    'sourceSystem', 'sourceRef', 'subjectId', 'creditCode', 'residentId', 'type', 'status', 'legalBasis', 'decisionNo',
    'authority', 'regionCode', 'occurredOn', 'decidedOn', 'amountInvolvedFen', 'fineFen', 'fineMultiple',
    'suspensionDays', 'responsibility', 'selfReported', 'inspectionKind', 'assessmentResult',
  ];

  it.each(fields)('an ID typed into %s is never echoed', (field) => {
    for (const id of ids) {
      for (const start of [org({ type: 'INTERVIEW' }), person({ type: 'INSURED_VIOLATION', amountInvolvedFen: 1 })]) {
        const item = { ...start, [field]: id };
        // Oversized texts too: a message must not quote a long value either.
        for (const candidate of [item, { ...item, [field]: `${id} ${'x'.repeat(200)}` }]) {
          const found = validateEventItem(candidate, { today });
          if (found) {
            expect(found.message).not.toContain(id);
            expect(found.message.toUpperCase()).not.toContain(id.toUpperCase());
            expect(found.message).not.toMatch(/[0-9]{17}[0-9Xx]/);
          }
        }
      }
    }
  });

  it('an invalid resident ID is rejected with a message that names the defect only', () => {
    const found = validateEventItem(person({ type: 'INSURED_FRAUD', residentId: '110105194912310021' }), { today });
    expect(found).toEqual({ field: 'residentId', reason: 'INVALID_RESIDENT_ID', message: 'residentId: is not a valid resident ID (CHECK_DIGIT)' });
  });
});

describe('validateEventItem context', () => {
  it('throws when today is not a date: a caller bug, not bad input', () => {
    expect(() => validateEventItem(org({ type: 'INTERVIEW' }), { today: '2026-3-1' })).toThrow(RangeError);
  });

  it('throws when the subject type is not a SubjectType', () => {
    expect(() => validateEventItem(org({ type: 'INTERVIEW' }), { today, subjectType: 'HOSPITAL' as SubjectType })).toThrow(RangeError);
  });

  it('judges future dates against ctx.today', () => {
    const item = org({ type: 'INTERVIEW', decidedOn: '2026-03-02' });
    expect(validateEventItem(item, { today: '2026-03-01' })).toMatchObject({ reason: 'INVALID_DATE' });
    expect(validateEventItem(item, { today: '2026-03-02' })).toBeNull();
  });
});
