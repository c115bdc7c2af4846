import { CreditEvent, Grade } from '../model';
import { OrgRuleSet, OrgSubjectType } from '../rules';
import { rateOrganisation } from './rate-organisation';

export interface YearEndGradesInput {
  subjectType: OrgSubjectType;
  /** The subject type's rule set in force on a day. */
  ruleSetOn: (subjectType: OrgSubjectType, day: string) => OrgRuleSet;
  events: readonly CreditEvent[];
  subject: { agreementSignedOn: string | null };
}

/**
 * The grades at the ends of the `years` natural years before `year` (year − 1 first): the grade at the end of
 * year Y is the rating of the events as of Y-12-31 with the rules in force that day. Read by "D or worse in two
 * consecutive natural years" (terminationRecommended) and by GOOD_CONDUCT ("grade A for 2 consecutive years"),
 * so that both see the same grades. Computed from the events rather than read from stored ratings, so a quiet
 * year still counts and a history imported today counts for the years it describes.
 */
export function yearEndGrades(input: YearEndGradesInput, year: number, years: number): { year: number; grade: Grade }[] {
  const grades: { year: number; grade: Grade }[] = [];
  for (let back = 1; back <= years; back++) {
    const yearEnd = `${year - back}-12-31`;
    const ruleSet = input.ruleSetOn(input.subjectType, yearEnd);
    const grade = rateOrganisation({ ruleSet, events: input.events, asOf: yearEnd, subject: input.subject }).grade;
    grades.push({ year: year - back, grade });
  }
  return grades;
}
