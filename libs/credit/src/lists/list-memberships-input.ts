import { CreditEvent, SubjectType } from '../model';
import { RuleSetBySubjectType } from '../rules';

export interface ListMembershipsInput {
  subjectType: SubjectType;
  /** The subject type's rule set in force on a day (same shape as RateOnDateInput.ruleSetOn in scoring/rate-on-date.ts). */
  ruleSetOn: <S extends SubjectType>(subjectType: S, day: string) => RuleSetBySubjectType[S];
  /** Every stored version; the rules pick FINAL/UNDER_APPEAL ones decided by asOf (see countingEvents). */
  events: readonly CreditEvent[];
  asOf: string;
  subject: { agreementSignedOn: string | null };
  /**
   * Whether the subject is on SEVERE_DISHONESTY for the rating that GOOD_CONDUCT and KEY_SUPERVISION read (E for
   * organisations, D for insured persons). Omitted: on it when the rules give a severe membership. The service
   * passes what its stored entries say when they differ from the rules, e.g. after a repair removed an entry.
   */
  onSevereList?: boolean;
}
