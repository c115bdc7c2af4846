import { AssessmentResult, EventType, Grade, SubjectType } from '../model';
import { GradeThresholds } from './grade-thresholds';
import { ListRules } from './list-rules';
import { RuleSetHeader } from './rule-set-header';

export type OrgSubjectType = SubjectType.MEDICAL_INSTITUTION | SubjectType.PHARMACY;

/** Grades that carry flags; NOT_RATED borrows B's (domain.md §2: a clean record is B). */
export type RatedGrade = Grade.A | Grade.B | Grade.C | Grade.D | Grade.E;

/**
 * How many points one event is worth before modifiers (domain.md §2 catalogue, "default deduction").
 * Negative = deduction, positive = bonus. Plain data so a region can change a number without a deploy.
 */
export type OrgPointsRule =
  /** A fixed number, e.g. INTERVIEW −10. */
  | { readonly kind: 'FIXED'; readonly points: number }
  /**
   * PAYMENT_DENIED: `points` plus `pointsPerAmount` for every whole `perAmountFen` of `amountInvolvedFen`,
   * never beyond `capPoints` (−5, −1 per 1,000,000 fen = 10,000 yuan, capped at −50).
   */
  | {
      readonly kind: 'PER_AMOUNT';
      readonly points: number;
      readonly perAmountFen: number;
      readonly pointsPerAmount: number;
      readonly capPoints: number;
    }
  /** PENALTY_ART38: `points`, or the points of the highest step whose `minMultiple` ≤ `fineMultiple`. */
  | {
      readonly kind: 'BY_FINE_MULTIPLE';
      readonly points: number;
      readonly steps: readonly { readonly minMultiple: number; readonly points: number }[];
    }
  /** ANNUAL_ASSESSMENT: by `assessmentResult` (+50 / +20 / 0 / −50). */
  | { readonly kind: 'BY_ASSESSMENT'; readonly points: Readonly<Record<AssessmentResult, number>> };

export type OrgFlag = 'INVESTIGATION_HOLD';

export interface OrgEventRule {
  readonly points: OrgPointsRule;
  /**
   * Months the event counts for, from its decision date. `null` = "while open" (INVESTIGATION_HOLD): until the
   * event is revoked or amended, or for `suspensionDays` days when the event gives them.
   */
  readonly windowMonths: number | null;
  /** Whether the flight / self-reported / repeat modifiers apply to its deduction (never to a bonus). */
  readonly applyModifiers: boolean;
  /** The best grade possible while the event counts: D for Art.40 fraud, E for termination and police referral. */
  readonly gradeCap: Grade.D | Grade.E | null;
  readonly flag: OrgFlag | null;
}

/** Rule set for MEDICAL_INSTITUTION and PHARMACY (score 0–1000, domain.md §2). */
export interface OrgRuleSet extends RuleSetHeader<OrgSubjectType> {
  readonly score: {
    readonly base: number;
    readonly min: number;
    readonly max: number;
    /** Sum of all positive effects is capped at this (+150 [L:Guangdong]). */
    readonly positiveCap: number;
  };
  readonly gradeThresholds: GradeThresholds;
  /** Event types without an entry have no effect on organisations. */
  readonly events: Readonly<Partial<Record<EventType, OrgEventRule>>>;
  readonly modifiers: {
    /** FLIGHT inspection finding ×1.2. */
    readonly flightWeight: number;
    /** Found and refunded in 自查自纠: ×0.5. */
    readonly selfReportedFactor: number;
    /** 屡查屡犯: the same type again within this many months of an earlier one… */
    readonly repeatWithinMonths: number;
    /** …weighs ×1.5. */
    readonly repeatWeight: number;
  };
  readonly inspectionFactors: Readonly<Record<RatedGrade, number>>;
  /** Institutions signed less than this many months ago are NOT_RATED [L:Inner Mongolia]. */
  readonly notRatedMonths: number;
  readonly terminationRecommendation: {
    /** D or worse at the end of each of this many consecutive natural years, the last completed one included [L:Shandong]. */
    readonly consecutiveBadYears: number;
    /** This many AGREEMENT_SUSPENDED decisions within one agreement term [N 2号令 Art.43]. */
    readonly suspensionsPerTerm: number;
    /** The term when the signing date is unknown: the last N months. */
    readonly unknownTermMonths: number;
  };
  /** SEVERE_DISHONESTY, GOOD_CONDUCT and KEY_SUPERVISION (domain.md §5). */
  readonly lists: ListRules;
}
