import { EventType, Grade, SubjectType } from '../model';
import { GradeThresholds } from './grade-thresholds';
import { ListRules } from './list-rules';
import { RuleSetHeader } from './rule-set-header';

export interface InsuredEventRule {
  /** Score effect, e.g. INSURED_VIOLATION −30. */
  readonly points: number;
  /** Months the event counts for (24, domain.md §3). */
  readonly windowMonths: number;
  readonly gradeCap: Grade.D | null;
  /** Whether the event suspends direct settlement 联网结算 (条例 Art.41). */
  readonly suspendsSettlement: boolean;
  /** Whether the event makes the person a SEVERE_DISHONESTY candidate (domain.md §5). */
  readonly severeListCandidate: boolean;
}

export interface SettlementSuspensionBand {
  /** Inclusive upper bound of `amountInvolvedFen`; `null` = no upper bound (must be the last band). */
  readonly upToFen: number | null;
  readonly months: number;
}

/** Rule set for INSURED_PERSON (score 0–100, domain.md §3). */
export interface InsuredRuleSet extends RuleSetHeader<SubjectType.INSURED_PERSON> {
  readonly score: { readonly base: number; readonly min: number; readonly max: number };
  readonly gradeThresholds: GradeThresholds;
  readonly events: Readonly<Partial<Record<EventType, InsuredEventRule>>>;
  readonly settlementSuspension: {
    /** Ascending by `upToFen`: < 10,000 yuan → 3 months; up to 50,000 → 6; more → 12 [N range 3–12, D split]. */
    readonly bands: readonly SettlementSuspensionBand[];
    /** A repeat always gets this many months (12). */
    readonly repeatMonths: number;
    /** A suspending event is a repeat when an earlier one was decided less than this many months before. */
    readonly repeatWithinMonths: number;
  };
  /** SEVERE_DISHONESTY (INSURED_FRAUD; must agree with `events.*.severeListCandidate`) and KEY_SUPERVISION (domain.md §5). */
  readonly lists: ListRules;
}
