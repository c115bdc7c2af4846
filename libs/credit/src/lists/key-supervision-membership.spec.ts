import { EventType as T, Responsibility as R, SubjectType } from '../model';
import { ListKind, ListSeverity } from './list-kind';
import { editedRuleSet, ev, memberships, reasons } from './list-memberships.fixture';

const ORG = SubjectType.MEDICAL_INSTITUTION;
const PR = SubjectType.PRACTITIONER;
const INS = SubjectType.INSURED_PERSON;
const key = (ms: ReturnType<typeof memberships>) => ms.filter((m) => m.list === ListKind.KEY_SUPERVISION);

// Two suspensions in a year: −200, then −200 × 1.5 as a repeat = 350, grade D, and no severe-list entry.
const twoSuspensions = () => [
  ev(T.AGREEMENT_SUSPENDED, '2025-02-01', { suspensionDays: 30 }),
  ev(T.AGREEMENT_SUSPENDED, '2025-06-01', { suspensionDays: 30 }),
];

describe('KEY_SUPERVISION (domain.md §5: grade D/E, or a practitioner at ≥ 6 points)', () => {
  it.each([ORG, SubjectType.PHARMACY])('%s at D: GRADE_D, open-ended, from asOf', (subjectType) => {
    expect(memberships(subjectType, twoSuspensions(), '2025-07-01')).toEqual([
      {
        list: ListKind.KEY_SUPERVISION,
        reasonCode: 'GRADE_D',
        eventId: null,
        effectiveFrom: '2025-07-01',
        plannedEnd: null,
        severity: ListSeverity.GENERAL,
      },
    ]);
  });

  it('an institution at E (terminated, not for fraud): GRADE_E', () => {
    expect(reasons(memberships(ORG, [ev(T.AGREEMENT_TERMINATED, '2025-03-01')], '2025-07-01'))).toEqual([
      'KEY_SUPERVISION:GRADE_E',
    ]);
  });

  it('on the severe list the grade is E; the service may say the entry was repaired (onSevereList false)', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-03-01');
    expect(reasons(memberships(ORG, [fraud], '2025-07-01'))).toEqual(['SEVERE_DISHONESTY:PENALTY_ART40', 'KEY_SUPERVISION:GRADE_E']);
    // Repaired: Art.40 still caps the grade at D (it counts 36 months in the rating).
    expect(reasons(key(memberships(ORG, [fraud], '2025-07-01', { onSevereList: false })))).toEqual(['KEY_SUPERVISION:GRADE_D']);
  });

  it('C, B, A and NOT_RATED are not', () => {
    expect(key(memberships(ORG, [ev(T.AGREEMENT_SUSPENDED, '2025-02-01', { suspensionDays: 30 })], '2025-07-01'))).toEqual([]); // 650: C
    expect(key(memberships(ORG, [], '2025-07-01'))).toEqual([]); // 850: B
    // NOT_RATED carries B's flags, as the rating's keySupervision flag does (a score of 350 is not yet judged).
    expect(key(memberships(ORG, twoSuspensions(), '2025-07-01', { agreementSignedOn: '2025-05-01' }))).toEqual([]);
  });

  it('exits when the grade recovers (the suspensions stop counting after 36 months)', () => {
    expect(key(memberships(ORG, twoSuspensions(), '2028-06-01'))).toEqual([]);
  });

  it('the grades are data', () => {
    const alsoC = editedRuleSet(ORG, (rs) => rs.lists.keySupervision.grades.push('C'));
    const once = [ev(T.AGREEMENT_SUSPENDED, '2025-02-01', { suspensionDays: 30 })];
    expect(reasons(memberships(ORG, once, '2025-07-01', { ruleSets: [alsoC] }))).toEqual(['KEY_SUPERVISION:GRADE_C']);
  });

  it('an insured person at D: GRADE_D; an insured fraud also enters the severe list', () => {
    const violations = [
      ev(T.INSURED_VIOLATION, '2025-02-01', { amountInvolvedFen: 100_000 }),
      ev(T.INSURED_VIOLATION, '2025-04-01', { amountInvolvedFen: 100_000 }),
    ]; // 100 − 60 = 40
    expect(reasons(memberships(INS, violations, '2025-07-01'))).toEqual(['KEY_SUPERVISION:GRADE_D']);
    expect(reasons(memberships(INS, violations.slice(0, 1), '2025-07-01'))).toEqual([]); // 70: C
    expect(reasons(memberships(INS, [ev(T.INSURED_FRAUD, '2025-03-01')], '2025-07-01'))).toEqual([
      'SEVERE_DISHONESTY:INSURED_FRAUD',
      'KEY_SUPERVISION:GRADE_D',
    ]);
  });

  it('a practitioner at 6 points: PRACTITIONER_POINTS; at 5 not; points reset on 1 January', () => {
    const six = [ev(T.PENALTY_ART38, '2025-03-01', { responsibility: R.MAIN })];
    expect(reasons(memberships(PR, six, '2025-07-01'))).toEqual(['KEY_SUPERVISION:PRACTITIONER_POINTS']);
    expect(memberships(PR, [ev(T.PENALTY_ART38, '2025-03-01', { responsibility: R.IMPORTANT })], '2025-07-01')).toEqual([]);
    expect(memberships(PR, six, '2026-01-01')).toEqual([]);
  });

  it('a terminated practitioner stays while the bar runs, into the next year', () => {
    const twelve = [
      ev(T.PENALTY_ART38, '2025-02-01', { responsibility: R.MAIN }),
      ev(T.PENALTY_ART39, '2025-03-01', { responsibility: R.MAIN }),
    ]; // 12 by adding up: 1-year bar to 2026-02-28
    expect(reasons(memberships(PR, twelve, '2026-02-28'))).toEqual(['KEY_SUPERVISION:PRACTITIONER_POINTS']);
    expect(memberships(PR, twelve, '2026-03-01')).toEqual([]);
  });

  it('the practitioner threshold is the rule set\'s status.keySupervisionFrom', () => {
    const v1 = editedRuleSet(PR, (rs) => (rs.status.keySupervisionFrom = 5));
    const five = [ev(T.PENALTY_ART38, '2025-03-01', { responsibility: R.IMPORTANT })];
    expect(reasons(memberships(PR, five, '2025-07-01', { ruleSets: [v1] }))).toEqual(['KEY_SUPERVISION:PRACTITIONER_POINTS']);
  });
});
