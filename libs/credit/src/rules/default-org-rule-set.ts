import { AssessmentResult, EventType, Grade } from '../model';
import { defaultListRules } from './default-list-rules';
import { OrgEventRule, OrgRuleSet, OrgSubjectType } from './org-rule-set';

/** Version 1 defaults shared by institutions and pharmacies (domain.md §2; basis cited per line). */
export function defaultOrgRuleSet(subjectType: OrgSubjectType): OrgRuleSet {
  return {
    subjectType,
    version: 1,
    effectiveFrom: '2025-01-01',
    score: { base: 850, min: 0, max: 1000, positiveCap: 150 }, // [L:Guangdong]
    gradeThresholds: { A: 900, B: 800, C: 650 },
    events: {
      [EventType.INTERVIEW]: deduction(-10, 12), // 条例 Art.38/39 measure
      [EventType.PAYMENT_DENIED]: {
        ...deduction(-5, 12),
        points: { kind: 'PER_AMOUNT', points: -5, perAmountFen: 1_000_000, pointsPerAmount: -1, capPoints: -50 },
      },
      [EventType.BREACH_FEE]: deduction(-20, 12),
      [EventType.PENALTY_ART39]: deduction(-50, 24), // [N] 条例 Art.39
      [EventType.PENALTY_ART38]: {
        ...deduction(-100, 24), // [N] 条例 Art.38
        points: { kind: 'BY_FINE_MULTIPLE', points: -100, steps: [{ minMultiple: 1.5, points: -150 }] },
      },
      [EventType.AGREEMENT_SUSPENDED]: deduction(-200, 36), // [N] 2号令 Art.42
      [EventType.PENALTY_ART40]: { ...deduction(-400, 36), gradeCap: Grade.D }, // [N] 条例 Art.40
      [EventType.AGREEMENT_TERMINATED]: { ...deduction(0, 36), gradeCap: Grade.E }, // [N] 2号令 Art.43
      [EventType.POLICE_REFERRAL_CONFIRMED]: { ...deduction(0, 36), gradeCap: Grade.E }, // [N]
      [EventType.ANNUAL_ASSESSMENT]: {
        ...bonus(0, 12), // [D]
        points: {
          kind: 'BY_ASSESSMENT',
          points: {
            [AssessmentResult.EXCELLENT]: 50,
            [AssessmentResult.GOOD]: 20,
            [AssessmentResult.PASS]: 0,
            [AssessmentResult.FAIL]: -50,
          },
        },
      },
      [EventType.CREDIT_COMMITMENT]: bonus(10, 12), // [L:Inner Mongolia, Guangdong]
      [EventType.COMMENDATION]: bonus(30, 24), // [D]
      [EventType.INVESTIGATION_HOLD]: { ...bonus(0, null), flag: 'INVESTIGATION_HOLD' }, // [N] 条例 Art.30
    },
    modifiers: { flightWeight: 1.2, selfReportedFactor: 0.5, repeatWithinMonths: 12, repeatWeight: 1.5 }, // [D], seed
    inspectionFactors: { A: 0.5, B: 1.0, C: 1.5, D: 2.0, E: 2.0 },
    notRatedMonths: 6, // [L:Inner Mongolia]
    terminationRecommendation: { consecutiveBadYears: 2, suspensionsPerTerm: 2, unknownTermMonths: 36 },
    lists: defaultListRules(subjectType),
  };
}

/** An inspection finding: flight / self-reported / repeat modifiers apply. */
function deduction(points: number, windowMonths: number): OrgEventRule {
  return { points: { kind: 'FIXED', points }, windowMonths, applyModifiers: true, gradeCap: null, flag: null };
}

/**
 * Not a finding (assessment, commitment, commendation, hold): no modifiers. An assessment FAIL is a deduction,
 * but failing two yearly assessments is not 屡查屡犯 and an assessment is not a flight inspection.
 */
function bonus(points: number, windowMonths: number | null): OrgEventRule {
  return { points: { kind: 'FIXED', points }, windowMonths, applyModifiers: false, gradeCap: null, flag: null };
}
