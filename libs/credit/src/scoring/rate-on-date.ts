import { CreditEvent, SubjectType } from '../model';
import { OrgRuleSet, RuleSet, RuleSetBySubjectType } from '../rules';
import { Rating, rate, RateInput } from './rate';
import { rateOrganisation } from './rate-organisation';
import { yearEndGrades } from './year-end-grades';

export interface RateOnDateInput {
  subjectType: SubjectType;
  /** The subject type's rule set in force on a day (selectRuleSet over the stored versions). */
  ruleSetOn: <S extends SubjectType>(subjectType: S, day: string) => RuleSetBySubjectType[S];
  /** Every version the store holds for the subject; the rules pick what counts on each day. */
  events: readonly CreditEvent[];
  /** 'YYYY-MM-DD' (Asia/Shanghai): the rating in force at the end of this day. */
  asOf: string;
  subject: { agreementSignedOn: string | null };
  onSevereList?: boolean;
}

/**
 * The rating in force at the end of `asOf`, computed from the events as they are known now, with the rule set in
 * force that day (consumers.md "asOf"). For institutions and pharmacies it also computes the year-end grades that
 * "D or worse in two consecutive natural years" reads (see yearEndGrades).
 */
export function rateOnDate(input: RateOnDateInput): Rating {
  const { subjectType, events, asOf, subject } = input;
  const ruleSet: RuleSet = input.ruleSetOn(subjectType, asOf);
  if (subjectType !== SubjectType.MEDICAL_INSTITUTION && subjectType !== SubjectType.PHARMACY) {
    return rate({ subjectType, ruleSet, events, asOf, subject, onSevereList: input.onSevereList } as RateInput);
  }
  const orgRules = ruleSet as OrgRuleSet;
  const priorGrades = yearEndGrades(
    { subjectType, ruleSetOn: input.ruleSetOn, events, subject },
    Number(asOf.slice(0, 4)),
    orgRules.terminationRecommendation.consecutiveBadYears,
  );
  return rateOrganisation({ ruleSet: orgRules, events, asOf, subject, priorGrades, onSevereList: input.onSevereList });
}
