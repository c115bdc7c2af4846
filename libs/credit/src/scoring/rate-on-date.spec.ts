import { CreditEvent, EventType as T, Grade, SubjectType } from '../model';
import { DEFAULT_RULE_SETS, RuleSet, selectRuleSet } from '../rules';
import { anEvent } from './credit-event.fixture';
import { OrgRating } from './org-rating';
import { rateOnDate } from './rate-on-date';

const v1 = DEFAULT_RULE_SETS[SubjectType.MEDICAL_INSTITUTION];

function rateInstitution(events: CreditEvent[], asOf: string, ruleSets: RuleSet[] = [v1]): OrgRating {
  return rateOnDate({
    subjectType: SubjectType.MEDICAL_INSTITUTION,
    ruleSetOn: (type, day) => selectRuleSet(ruleSets, type, day)!,
    events,
    asOf,
    subject: { agreementSignedOn: '2015-01-01' },
  }) as OrgRating;
}

describe('rateOnDate: terminationRecommended from the year-end grades, computed from the events', () => {
  it('a subject at D for three quiet years keeps the flag (no rating was stored in those years)', () => {
    // Art.40 decided 2023-03-01 counts 36 months: D at the ends of 2023, 2024 and 2025.
    const fraud = anEvent(T.PENALTY_ART40, '2023-03-01');
    expect(rateInstitution([fraud], '2025-06-30')).toMatchObject({ grade: Grade.D, terminationRecommended: true });
    expect(rateInstitution([fraud], '2025-12-31')).toMatchObject({ grade: Grade.D, terminationRecommended: true });
    // One year-end at D only (2023): not yet.
    expect(rateInstitution([fraud], '2024-06-30').terminationRecommended).toBe(false);
  });

  it('an Art.40 decision of 2024-07-01 recorded today raises it: the ends of 2024 and 2025 were D', () => {
    const fraud = anEvent(T.PENALTY_ART40, '2024-07-01');
    expect(rateInstitution([fraud], '2026-12-04')).toMatchObject({ grade: Grade.D, terminationRecommended: true });
  });

  it('a decision after a year-end does not make that year-end bad', () => {
    const fraud = anEvent(T.PENALTY_ART40, '2025-01-02');
    expect(rateInstitution([fraud], '2026-06-30').terminationRecommended).toBe(false);
  });

  it('each year-end is rated with the rule set in force that day; the first version rates earlier dates', () => {
    // v2 from 2026-01-01 makes an interview cost 300 points: D. Year-ends 2024 and 2025 are rated with v1 (B).
    const v2 = {
      ...v1,
      version: 2,
      effectiveFrom: '2026-01-01',
      events: { ...v1.events, [T.INTERVIEW]: { ...v1.events[T.INTERVIEW]!, points: { kind: 'FIXED' as const, points: -300 } } },
    };
    const talks = [anEvent(T.INTERVIEW, '2024-11-01', { id: '1' }), anEvent(T.INTERVIEW, '2025-12-01', { id: '2' })];
    const now = rateInstitution(talks, '2026-06-30', [v1, v2 as RuleSet]);
    expect(now).toMatchObject({ ruleSetVersion: 2, grade: Grade.D });
    expect(now.terminationRecommended).toBe(false);
    // An event decided in 2019, before v1's effective date, is rated by v1.
    expect(rateInstitution([anEvent(T.PENALTY_ART38, '2019-03-01', { fineMultiple: 1 })], '2019-06-30')).toMatchObject({ score: 750, ruleSetVersion: 1 });
  });
});
