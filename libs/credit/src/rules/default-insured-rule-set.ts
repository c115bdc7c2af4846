import { EventType, Grade, SubjectType } from '../model';
import { defaultListRules } from './default-list-rules';
import { InsuredRuleSet } from './insured-rule-set';

/** Version 1 defaults for insured persons (domain.md §3). */
export function defaultInsuredRuleSet(): InsuredRuleSet {
  return {
    subjectType: SubjectType.INSURED_PERSON,
    version: 1,
    effectiveFrom: '2025-01-01',
    score: { base: 100, min: 0, max: 100 },
    gradeThresholds: { A: 90, B: 80, C: 65 }, // [L:Inner Mongolia]
    events: {
      [EventType.INSURED_VIOLATION]: {
        points: -30,
        windowMonths: 24,
        gradeCap: null,
        suspendsSettlement: true,
        severeListCandidate: false,
      },
      // 条例 Art.41 para 2 punishes fraud "in addition to" para 1 (deduction and suspension), hence the same
      // −30 and suspension, plus grade D and severe-list candidacy (§3, §5).
      [EventType.INSURED_FRAUD]: {
        points: -30,
        windowMonths: 24,
        gradeCap: Grade.D,
        suspendsSettlement: true,
        severeListCandidate: true,
      },
    },
    settlementSuspension: {
      // Inclusive upper bounds in fen: < 10,000 yuan → 3; 10,000–50,000 yuan → 6; > 50,000 → 12 [N 3–12, D split].
      bands: [
        { upToFen: 999_999, months: 3 },
        { upToFen: 5_000_000, months: 6 },
        { upToFen: null, months: 12 },
      ],
      repeatMonths: 12,
      repeatWithinMonths: 24, // [D] a repeat = while an earlier violation still counts (§3: 24 months)
    },
    lists: defaultListRules(SubjectType.INSURED_PERSON),
  };
}
