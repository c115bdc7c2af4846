import { CreditEvent, Grade, SubjectType } from '../model';
import { InsuredRuleSet } from '../rules';
import { ExplanationLine } from '../scoring/explanation-line';

export interface InsuredRatingInput {
  ruleSet: InsuredRuleSet;
  /** All versions the store holds for the person; need not be sorted. */
  events: readonly CreditEvent[];
  asOf: string;
  /** On the SEVERE_DISHONESTY list (decided by the lists module): grade D, the worst on this scale. */
  onSevereList?: boolean;
}

export interface InsuredRating {
  subjectType: SubjectType.INSURED_PERSON;
  ruleSetVersion: number;
  score: number;
  grade: Grade;
  gradeCap: Grade.D | null;
  /** Last day (inclusive) of the direct-settlement 联网结算 suspension running on `asOf`; null when none runs. */
  directSettlementSuspendedUntil: string | null;
  /** A counting event makes the person a SEVERE_DISHONESTY candidate (INSURED_FRAUD, domain.md §5). */
  severeListCandidate: boolean;
  explanation: ExplanationLine[];
}
