import { EventType, Grade, SubjectType } from '../model';
import { ListRules } from './list-rules';

const T = EventType;

/**
 * The sanctions that keep an organisation off GOOD_CONDUCT for 24 months ("no FINAL penalty", §5); agreement
 * findings (约谈, 拒付, 违约金) are not penalties and only lower the score, which the grade-A condition reads.
 */
const ORG_PENALTIES: readonly EventType[] = [
  T.PENALTY_ART39,
  T.PENALTY_ART38,
  T.AGREEMENT_SUSPENDED,
  T.PENALTY_ART40,
  T.AGREEMENT_TERMINATED,
  T.POLICE_REFERRAL_CONFIRMED,
  T.PENALTY_NOT_PERFORMED,
];
const PRACTITIONER_PENALTIES: readonly EventType[] = [
  T.PENALTY_ART38,
  T.PENALTY_ART39,
  T.PENALTY_ART40,
  T.IMPERSONATED_SETTLEMENT,
  T.LICENCE_REVOKED,
];
const INSURED_PENALTIES: readonly EventType[] = [T.INSURED_VIOLATION, T.INSURED_FRAUD, T.PENALTY_NOT_PERFORMED];

/**
 * Version 1 list rules of a subject type (domain.md §5). Severe entries: the event types of the §5 table that
 * can be recorded on the subject type; a practitioner enters through a single 12-point event (their rule set's
 * `termination.singleEventMinPoints`), not through PENALTY_ART40 alone, which may carry 10 or 11 points.
 */
export function defaultListRules(subjectType: SubjectType): ListRules {
  const org = subjectType === SubjectType.MEDICAL_INSTITUTION || subjectType === SubjectType.PHARMACY;
  const insured = subjectType === SubjectType.INSURED_PERSON;
  const penalties = org ? ORG_PENALTIES : insured ? INSURED_PENALTIES : PRACTITIONER_PENALTIES;
  return {
    severeDishonesty: {
      entryEventTypes: org
        ? [T.PENALTY_ART40, T.POLICE_REFERRAL_CONFIRMED, T.PENALTY_NOT_PERFORMED] // [N] §5
        : insured
          ? [T.INSURED_FRAUD, T.PENALTY_NOT_PERFORMED] // [N] §3, §5
          : [],
      // [D] a termination within half a year of the fraud penalty is its consequence (2号令 Art.43 terminates
      // for fraud after the penalty); only organisations have agreements to terminate.
      terminationForFraud: { fraudEventTypes: org ? [T.PENALTY_ART40] : [], withinDays: 180 },
      publicationMonths: 36, // [N] 发改委令第36号: severe 1–3 years; §5 "automatically after 3 years"
      repairMinimumMonths: 12, // [N] §5 "by repair after at least 1 year"
      objectionWorkingDays: 10, // [D on 条例 Art.31]
    },
    goodConduct: { consecutiveYears: 2, noPenaltyMonths: 24, penaltyEventTypes: [...penalties] }, // §5
    keySupervision: { grades: insured ? [Grade.D] : [Grade.D, Grade.E] }, // §2, §5; insured persons have no E
    general: { publicationMonths: 12, repairMinimumMonths: 3 }, // [N] 发改委令第36号: general 3 months–1 year
    repair: {
      decisionWorkingDays: 15, // [N] 发改委令第36号
      noNewViolationMonths: 6, // §5
      violationEventTypes: org
        ? [T.INTERVIEW, T.PAYMENT_DENIED, T.BREACH_FEE, ...ORG_PENALTIES]
        : insured
          ? [...INSURED_PENALTIES]
          : [T.INTERVIEW, T.PAYMENT_DENIED, T.BREACH_FEE, ...PRACTITIONER_PENALTIES],
    },
  };
}
