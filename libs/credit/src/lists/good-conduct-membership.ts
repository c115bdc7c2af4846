import { Grade, SubjectType } from '../model';
import { OrgRuleSet, OrgSubjectType } from '../rules';
import { countingEvents } from '../scoring/counting-events';
import { addMonths, yearOf } from '../scoring/dates';
import { Rating } from '../scoring/rate';
import { yearEndGrades } from '../scoring/year-end-grades';
import { ListKind, ListSeverity } from './list-kind';
import { ListMembership } from './list-membership';
import { ListMembershipsInput } from './list-memberships-input';

export const GRADE_A_TWO_YEARS = 'GRADE_A_TWO_YEARS';

/**
 * GOOD_CONDUCT on `asOf` (domain.md §5: "grade A for 2 consecutive years and no FINAL penalty in 24 months"),
 * institutions and pharmacies only (§2: A "may enter the good-conduct list"). With the rule set in force on asOf:
 * - grade A at the ends of the last `consecutiveYears` completed natural years (yearEndGrades, the same year-end
 *   grades terminationRecommended reads);
 * - and grade A now: the list "exits when either stops holding", so a grade that falls today ends it today
 *   rather than at the next year-end (an institution on the severe list is E, never A);
 * - and no counting penalty of `penaltyEventTypes` decided in the last `noPenaltyMonths`: a penalty decided on D
 *   blocks while asOf < D + 24 months, like an event's window in the rating. UNDER_APPEAL counts as FINAL does,
 *   because an appeal keeps a decision's effect (§2 lifecycle); a REVOKED one does not.
 * GENERAL severity (it is not a sanction), open-ended (`plannedEnd` null). `effectiveFrom` is the first day the
 * rules can see it holding: 1 January after the last completed year-end, or the day the last penalty left the
 * 24 months if later (whether the current grade dipped since is not traced day by day).
 * `rating` is the subject's rating on asOf (rateOnDate).
 */
export function goodConductMembership(input: ListMembershipsInput, rating: Rating): ListMembership | null {
  const { subjectType, asOf } = input;
  if (subjectType !== SubjectType.MEDICAL_INSTITUTION && subjectType !== SubjectType.PHARMACY) return null;
  if (rating.subjectType !== subjectType || !('grade' in rating) || rating.grade !== Grade.A) return null;
  const rules = (input.ruleSetOn(subjectType, asOf) as OrgRuleSet).lists.goodConduct;
  const year = yearOf(asOf);
  const ruleSetOn = (type: OrgSubjectType, day: string) => input.ruleSetOn(type, day);
  const history = { subjectType, ruleSetOn, events: input.events, subject: input.subject };
  const yearEnds = yearEndGrades(history, year, rules.consecutiveYears);
  if (yearEnds.some((y) => y.grade !== Grade.A)) return null;
  let effectiveFrom = `${year}-01-01`;
  for (const e of countingEvents(input.events, asOf)) {
    if (!rules.penaltyEventTypes.includes(e.type)) continue;
    const clearFrom = addMonths(e.decidedOn, rules.noPenaltyMonths);
    if (asOf < clearFrom) return null;
    if (clearFrom > effectiveFrom) effectiveFrom = clearFrom;
  }
  return {
    list: ListKind.GOOD_CONDUCT,
    reasonCode: GRADE_A_TWO_YEARS,
    eventId: null,
    effectiveFrom,
    plannedEnd: null,
    severity: ListSeverity.GENERAL,
  };
}
