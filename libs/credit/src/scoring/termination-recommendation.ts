import { CreditEvent, EventType, Grade } from '../model';
import { OrgRuleSet } from '../rules';
import { addMonths, yearOf } from './dates';
import { OrgRatingInput } from './org-rating';

/**
 * `terminationRecommended` (domain.md §2 Grades):
 * - D or worse in `consecutiveBadYears` (2) consecutive natural years [L:Shandong]: the grades at the ends of
 *   the last completed years (Y-1, Y-2 … for `asOf` in year Y), as given in `priorGrades` (a year missing there
 *   breaks the run). A natural year's grade is its year-end grade, as an annual credit evaluation reads it, so
 *   the flag holds steady through the year; `rateOnDate` computes those grades from the events themselves;
 * - or a second AGREEMENT_SUSPENDED within one agreement term [N 2号令 Art.43]: the term runs from
 *   `agreementSignedOn`, or, when that is unknown, is the last `unknownTermMonths` (36). Suspensions of the same
 *   decision number are one suspension.
 * `events` are the counting events on `asOf`.
 */
export function isTerminationRecommended(
  ruleSet: OrgRuleSet,
  input: Pick<OrgRatingInput, 'subject' | 'asOf' | 'priorGrades'>,
  events: readonly CreditEvent[],
): boolean {
  const rules = ruleSet.terminationRecommendation;
  return (
    badYearsInARow(rules.consecutiveBadYears, input) ||
    suspensionsInTerm(events, input.subject.agreementSignedOn, input.asOf, rules.unknownTermMonths) >=
      rules.suspensionsPerTerm
  );
}

function isBad(grade: Grade): boolean {
  return grade === Grade.D || grade === Grade.E;
}

function badYearsInARow(years: number, input: Pick<OrgRatingInput, 'asOf' | 'priorGrades'>): boolean {
  const thisYear = yearOf(input.asOf);
  const prior = input.priorGrades ?? [];
  for (let back = 1; back <= years; back++) {
    if (!prior.some((p) => p.year === thisYear - back && isBad(p.grade))) return false;
  }
  return true;
}

function suspensionsInTerm(
  events: readonly CreditEvent[],
  agreementSignedOn: string | null,
  asOf: string,
  unknownTermMonths: number,
): number {
  const cases = new Set<string>();
  let withoutNumber = 0;
  for (const e of events) {
    if (e.type !== EventType.AGREEMENT_SUSPENDED) continue;
    const inTerm =
      agreementSignedOn !== null ? e.decidedOn >= agreementSignedOn : asOf < addMonths(e.decidedOn, unknownTermMonths);
    if (!inTerm) continue;
    if (e.decisionNo) cases.add(e.decisionNo);
    else withoutNumber++;
  }
  return cases.size + withoutNumber;
}
