import { CreditEvent, Grade, SubjectType } from '../model';
import { InsuredRuleSet } from '../rules';
import { countingEvents } from '../scoring/counting-events';
import { addMonths, lastDayOfMonths, previousDay } from '../scoring/dates';
import { ExplanationLine } from '../scoring/explanation-line';
import { gradeFromScore, worseGrade } from '../scoring/grade-from-score';
import { RepeatTracker } from '../scoring/repeat-tracker';
import { SameIndicatorOnce } from '../scoring/same-indicator-once';
import { InsuredRating, InsuredRatingInput } from './insured-rating';
import { settlementSuspensionMonths } from './settlement-suspension-months';

/** All settlement-suspending types form one family: a fraud after a violation is a repeat too. */
const SUSPENDING = 'SUSPENDING';

/**
 * Rates an insured person on `asOf` (domain.md §3): base 100 minus the deductions that count (24 months),
 * grade A ≥ 90, B ≥ 80, C ≥ 65, else D; INSURED_FRAUD or the severe list caps at D. Also reports the
 * direct-settlement suspension running on `asOf`. A person without events gets 100 / A.
 */
export function rateInsuredPerson(input: InsuredRatingInput): InsuredRating {
  const { ruleSet, asOf } = input;
  const lines: ExplanationLine[] = [];
  const sameIndicator = new SameIndicatorOnce();
  const repeats = new RepeatTracker<string>(ruleSet.settlementSuspension.repeatWithinMonths);
  let gradeCap: Grade.D | null = input.onSevereList ? Grade.D : null;
  let severeListCandidate = false;
  let suspendedUntil: string | null = null;
  for (const e of countingEvents(input.events, asOf)) {
    const rule = ruleSet.events[e.type];
    if (rule === undefined) continue;
    const isRepeat = rule.suspendsSettlement && repeats.observe(SUSPENDING, e);
    if (rule.suspendsSettlement) suspendedUntil = laterSuspension(ruleSet, e, isRepeat, asOf, suspendedUntil);
    const end = addMonths(e.decidedOn, rule.windowMonths);
    if (asOf >= end) continue; // expired
    const line = {
      eventId: e.id,
      points: rule.points,
      countsUntil: previousDay(end),
      rule: isRepeat ? `${e.type}+REPEAT` : e.type,
    };
    sameIndicator.keepLargest(e, line);
    lines.push(line);
    if (rule.gradeCap !== null) gradeCap = rule.gradeCap;
    severeListCandidate ||= rule.severeListCandidate;
  }
  const { base, min, max } = ruleSet.score;
  const score = Math.min(max, Math.max(min, base + lines.reduce((sum, l) => sum + l.points, 0)));
  return {
    subjectType: SubjectType.INSURED_PERSON,
    ruleSetVersion: ruleSet.version,
    score,
    grade: worseGrade(gradeFromScore(ruleSet.gradeThresholds, score), gradeCap),
    gradeCap,
    directSettlementSuspendedUntil: suspendedUntil,
    severeListCandidate,
    explanation: lines,
  };
}

/**
 * Suspensions run from the decision date; when two overlap, the later end applies (they are not served one
 * after the other: 条例 Art.41 sets a period per decision, not a queue). Only a suspension running on `asOf` is kept.
 */
function laterSuspension(
  ruleSet: InsuredRuleSet,
  e: CreditEvent,
  isRepeat: boolean,
  asOf: string,
  current: string | null,
): string | null {
  const months = settlementSuspensionMonths(ruleSet.settlementSuspension, e.amountInvolvedFen, isRepeat);
  const until = lastDayOfMonths(e.decidedOn, months);
  return until >= asOf && (current === null || until > current) ? until : current;
}
