import { CreditEvent, Grade } from '../model';
import { OrgRuleSet, OrgSubjectType } from '../rules';
import { ExplanationLine } from './explanation-line';

export interface OrgRatingInput {
  ruleSet: OrgRuleSet;
  /** `agreementSignedOn` null = unknown: rated (not NOT_RATED), and the agreement term is the last 36 months. */
  subject: { agreementSignedOn: string | null };
  /** All versions the store holds for the subject; the rules pick what counts. Need not be sorted. */
  events: readonly CreditEvent[];
  /** 'YYYY-MM-DD': the rating as it stands at the end of this day. */
  asOf: string;
  /** Year-end grades of earlier natural years (for "D or worse in two consecutive natural years"); see rateOnDate. */
  priorGrades?: readonly { year: number; grade: Grade }[];
  /** On the SEVERE_DISHONESTY list (as decided by the lists module): grade E. */
  onSevereList?: boolean;
}

export interface OrgRating {
  subjectType: OrgSubjectType;
  ruleSetVersion: number;
  /** Computed even when NOT_RATED, for information. */
  score: number;
  grade: Grade;
  notRated: boolean;
  /** Flags handed to the budget module and inspection planning (domain.md §2 "Grades"). */
  inspectionFactor: number;
  keySupervision: boolean;
  depositRetention: boolean;
  terminationRecommended: boolean;
  investigationHold: boolean;
  /** The grade cap in force (D: Art.40 fraud; E: terminated, referred to police, on the severe list). */
  gradeCap: Grade.D | Grade.E | null;
  /** Sum of the deductions that count (≤ 0). */
  negativePoints: number;
  /** Sum of the bonuses that count, after the positive cap (≥ 0). The explanation shows them uncapped. */
  positivePoints: number;
  explanation: ExplanationLine[];
}
