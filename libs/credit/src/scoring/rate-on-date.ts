import { CreditEvent, Grade, SubjectType } from '../model';
import { OrgRuleSet, RuleSet, RuleSetBySubjectType } from '../rules';
import { Rating, rate, RateInput } from './rate';
import { rateOrganisation } from './rate-organisation';

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
 * "D or worse in two consecutive natural years" reads: the grade at the end of year Y is the rating of the same
 * events as of Y-12-31 with the rules in force that day. Computing them (rather than reading stored ratings)
 * means a quiet year at D still counts, and a history imported today counts for the years it describes.
 */
export function rateOnDate(input: RateOnDateInput): Rating {
  const { subjectType, events, asOf, subject } = input;
  const ruleSet: RuleSet = input.ruleSetOn(subjectType, asOf);
  if (subjectType !== SubjectType.MEDICAL_INSTITUTION && subjectType !== SubjectType.PHARMACY) {
    return rate({ subjectType, ruleSet, events, asOf, subject, onSevereList: input.onSevereList } as RateInput);
  }
  const orgRules = ruleSet as OrgRuleSet;
  const thisYear = Number(asOf.slice(0, 4));
  const priorGrades: { year: number; grade: Grade }[] = [];
  for (let back = 1; back <= orgRules.terminationRecommendation.consecutiveBadYears; back++) {
    const yearEnd = `${thisYear - back}-12-31`;
    const grade = rateOrganisation({ ruleSet: input.ruleSetOn(subjectType, yearEnd), events, asOf: yearEnd, subject }).grade;
    priorGrades.push({ year: thisYear - back, grade });
  }
  return rateOrganisation({ ruleSet: orgRules, events, asOf, subject, priorGrades, onSevereList: input.onSevereList });
}
