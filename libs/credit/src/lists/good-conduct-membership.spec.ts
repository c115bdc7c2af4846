import { AssessmentResult, CreditEvent, EventStatus, EventType as T, SubjectType } from '../model';
import { ListKind, ListSeverity } from './list-kind';
import { editedRuleSet, ev, memberships } from './list-memberships.fixture';

const ORG = SubjectType.MEDICAL_INSTITUTION;
const good = (ms: ReturnType<typeof memberships>) => ms.filter((m) => m.list === ListKind.GOOD_CONDUCT);

/** An excellent assessment and a kept commitment each year: 850 + 50 + 10 = 910, grade A for the next 12 months. */
function aEvery(...dates: string[]): CreditEvent[] {
  return dates.flatMap((d) => [
    ev(T.ANNUAL_ASSESSMENT, d, { assessmentResult: AssessmentResult.EXCELLENT }),
    ev(T.CREDIT_COMMITMENT, d),
  ]);
}
const threeGoodYears = () => aEvery('2024-03-01', '2025-03-01', '2026-03-01');
// A region's rule set in which an Art.39 penalty costs only 5 points: the grade stays A, so the penalty rule is seen alone.
const lenient = editedRuleSet(ORG, (rs) => (rs.events.PENALTY_ART39.points.points = -5));

describe('GOOD_CONDUCT (domain.md §5: grade A for 2 consecutive years and no FINAL penalty in 24 months)', () => {
  it('enters with A at the ends of 2024 and 2025 and A now, from the day after the last year-end', () => {
    expect(good(memberships(ORG, threeGoodYears(), '2026-06-30'))).toEqual([
      {
        list: ListKind.GOOD_CONDUCT,
        reasonCode: 'GRADE_A_TWO_YEARS',
        eventId: null,
        effectiveFrom: '2026-01-01',
        plannedEnd: null,
        severity: ListSeverity.GENERAL,
      },
    ]);
  });

  it('pharmacies too; practitioners and insured persons never', () => {
    expect(good(memberships(SubjectType.PHARMACY, threeGoodYears(), '2026-06-30'))).toHaveLength(1);
    expect(good(memberships(SubjectType.INSURED_PERSON, [], '2026-06-30'))).toEqual([]); // a clean insured person is A
    expect(good(memberships(SubjectType.PRACTITIONER, [], '2026-06-30'))).toEqual([]);
  });

  it('not with A at one year-end only', () => {
    expect(good(memberships(ORG, aEvery('2025-03-01', '2026-03-01'), '2026-06-30'))).toEqual([]);
  });

  it('exits when the current grade stops being A (decided: the list holds while both conditions hold)', () => {
    // 2026-03-01 has not come yet on 2026-02-28: the 2025 evidence still counts; on 2026-03-01 without new evidence it is B.
    const twoYears = aEvery('2024-03-01', '2025-03-01');
    expect(good(memberships(ORG, twoYears, '2026-02-28'))).toHaveLength(1);
    expect(good(memberships(ORG, twoYears, '2026-03-01'))).toEqual([]);
  });

  it('not while NOT_RATED (a new agreement), nor on the severe list (grade E)', () => {
    expect(good(memberships(ORG, threeGoodYears(), '2026-06-30', { agreementSignedOn: '2026-02-01' }))).toEqual([]);
    expect(good(memberships(ORG, threeGoodYears(), '2026-06-30', { onSevereList: true }))).toEqual([]);
  });

  it('a penalty decided inside the 24 months keeps it off, even while the grade is A', () => {
    const events = [...threeGoodYears(), ev(T.PENALTY_ART39, '2024-08-15')];
    expect(good(memberships(ORG, events, '2026-08-14', { ruleSets: [lenient] }))).toEqual([]);
  });

  it('a penalty decided outside the 24 months does not; the entry holds from the day it left them', () => {
    const events = [...threeGoodYears(), ev(T.PENALTY_ART39, '2024-08-15')];
    expect(good(memberships(ORG, events, '2026-08-15', { ruleSets: [lenient] }))).toEqual([
      expect.objectContaining({ reasonCode: 'GRADE_A_TWO_YEARS', effectiveFrom: '2026-08-15' }),
    ]);
    const older = [...threeGoodYears(), ev(T.PENALTY_ART39, '2023-06-01')];
    expect(good(memberships(ORG, older, '2026-06-30', { ruleSets: [lenient] }))[0].effectiveFrom).toBe('2026-01-01');
  });

  it('a penalty under appeal keeps it off; a revoked one does not', () => {
    const appealed = [...threeGoodYears(), ev(T.PENALTY_ART39, '2025-08-15', { status: EventStatus.UNDER_APPEAL })];
    expect(good(memberships(ORG, appealed, '2026-06-30', { ruleSets: [lenient] }))).toEqual([]);
    const revoked = [...threeGoodYears(), ev(T.PENALTY_ART39, '2025-08-15', { status: EventStatus.REVOKED })];
    expect(good(memberships(ORG, revoked, '2026-06-30', { ruleSets: [lenient] }))).toHaveLength(1);
  });

  it('an agreement finding is not a penalty: an interview that leaves the grade at A does not keep it off', () => {
    const events = [...threeGoodYears(), ev(T.INTERVIEW, '2026-04-01')]; // 910 − 10 = 900, still A
    expect(good(memberships(ORG, events, '2026-06-30'))).toHaveLength(1);
  });

  it('the years, the months and the penalty types are data', () => {
    const threeYears = editedRuleSet(ORG, (rs) => (rs.lists.goodConduct.consecutiveYears = 3));
    expect(good(memberships(ORG, threeGoodYears(), '2026-06-30', { ruleSets: [threeYears] }))).toEqual([]);
    const shorter = editedRuleSet(ORG, (rs) => {
      rs.events.PENALTY_ART39.points.points = -5;
      rs.lists.goodConduct.noPenaltyMonths = 12;
    });
    const events = [...threeGoodYears(), ev(T.PENALTY_ART39, '2025-05-01')];
    expect(good(memberships(ORG, events, '2026-06-30', { ruleSets: [shorter] }))).toHaveLength(1);
    const notAPenalty = editedRuleSet(ORG, (rs) => {
      rs.events.PENALTY_ART39.points.points = -5;
      rs.lists.goodConduct.penaltyEventTypes = ['PENALTY_ART40'];
    });
    expect(good(memberships(ORG, events, '2026-06-30', { ruleSets: [notAPenalty] }))).toHaveLength(1);
  });
});
