import { ListKind, ListSeverity } from './list-kind';

/** One reason a subject belongs on a list on `asOf`, as the rules see it (the service adds lifecycle and identity). */
export interface ListMembership {
  list: ListKind;
  /**
   * Stable machine code: the entry event's type for the severe list's own entry types ('PENALTY_ART40',
   * 'POLICE_REFERRAL_CONFIRMED', 'INSURED_FRAUD', 'PENALTY_NOT_PERFORMED'), 'AGREEMENT_TERMINATED_FRAUD',
   * 'PRACTITIONER_TERMINATED_12_POINTS', 'GRADE_A_TWO_YEARS', 'GRADE_D', 'GRADE_E', 'PRACTITIONER_POINTS'.
   */
  reasonCode: string;
  /** The event behind it (its legalBasis, decisionNo and authority are shown in the feed), null for grade-based reasons. */
  eventId: string | null;
  /**
   * 'YYYY-MM-DD': from when the reason holds (the event's decision date; for grade-based reasons the first day it
   * holds as far as the rules can tell, e.g. the day after the year-end for GOOD_CONDUCT, or asOf).
   */
  effectiveFrom: string;
  /**
   * 'YYYY-MM-DD' inclusive last day of publication when the period is fixed (severe list: effectiveFrom +
   * publication period − 1 day); null while open-ended (grade-based lists hold while the criteria hold).
   */
  plannedEnd: string | null;
  severity: ListSeverity;
}
