import { EventType, SubjectType } from '../model';
import { defaultListRules } from './default-list-rules';
import { PractitionerRuleSet } from './practitioner-rule-set';

/** Version 1 defaults for the 12-point cycle (domain.md §4, [N] 医保发〔2024〕23号, in force 2025-01-01). */
export function defaultPractitionerRuleSet(): PractitionerRuleSet {
  return {
    subjectType: SubjectType.PRACTITIONER,
    version: 1,
    effectiveFrom: '2025-01-01',
    tiers: [
      {
        tier: 1,
        points: { GENERAL: 1, IMPORTANT: 2, MAIN: 3 },
        eventTypes: [EventType.INTERVIEW, EventType.PAYMENT_DENIED, EventType.BREACH_FEE],
      },
      {
        tier: 2,
        points: { GENERAL: 4, IMPORTANT: 5, MAIN: 6 },
        eventTypes: [EventType.PENALTY_ART38, EventType.PENALTY_ART39],
      },
      { tier: 3, points: { GENERAL: 7, IMPORTANT: 8, MAIN: 9 }, eventTypes: [EventType.IMPERSONATED_SETTLEMENT] },
      {
        tier: 4,
        points: { GENERAL: 10, IMPORTANT: 11, MAIN: 12 },
        eventTypes: [EventType.PENALTY_ART40, EventType.LICENCE_REVOKED],
      },
    ],
    repeatInYear: { fromTiers: [1, 2], toTier: 3 },
    status: { remindedFrom: 3, keySupervisionFrom: 6 }, // [L:Liaoning, Tianjin]
    cumulativeSuspensions: [
      // [N range 1–6 months; L:Liaoning split; D steps]
      { minPoints: 9, months: 1 },
      { minPoints: 10, months: 2 },
      { minPoints: 11, months: 3 },
    ],
    singleEventSuspensions: [
      { minPoints: 9, months: 3 },
      { minPoints: 10, months: 4 },
      { minPoints: 11, months: 6 },
    ],
    termination: { minPoints: 12, barMonths: 12, singleEventMinPoints: 12, singleEventBarMonths: 36 }, // [N]
    repair: { pointsPerActivity: 1, maxPointsPerYear: 4 }, // [L:Tianjin]
    lists: defaultListRules(SubjectType.PRACTITIONER),
  };
}
