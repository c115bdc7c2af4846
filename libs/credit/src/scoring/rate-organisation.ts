import { CreditEvent, EventType, Grade } from '../model';
import { OrgRuleSet } from '../rules';
import { countingEvents } from './counting-events';
import { addDays, addMonths, previousDay } from './dates';
import { ExplanationLine } from './explanation-line';
import { gradeFromScore, worseGrade } from './grade-from-score';
import { orgEventPoints } from './org-event-points';
import { OrgRating, OrgRatingInput } from './org-rating';
import { RepeatTracker } from './repeat-tracker';
import { SameIndicatorOnce } from './same-indicator-once';
import { isTerminationRecommended } from './termination-recommendation';

interface Tally {
  lines: ExplanationLine[];
  gradeCap: Grade.D | Grade.E | null;
  investigationHold: boolean;
}

/**
 * Rates a designated medical institution or retail pharmacy on `asOf` (domain.md §2): base 850, the events
 * that count, modifiers, the positive cap, the 0–1000 bounds, grade thresholds, grade caps, NOT_RATED for new
 * agreements, and the flags for the budget module. One sort and one pass over the subject's events.
 */
export function rateOrganisation(input: OrgRatingInput): OrgRating {
  const { ruleSet, asOf } = input;
  const events = countingEvents(input.events, asOf);
  const tally = tallyEvents(ruleSet, events, asOf);
  if (input.onSevereList) tally.gradeCap = Grade.E; // E: "on the severe list" (§2 Grades)

  let negativePoints = 0;
  let positiveUncapped = 0;
  for (const line of tally.lines) {
    if (line.points < 0) negativePoints += line.points;
    else positiveUncapped += line.points;
  }
  const positivePoints = Math.min(positiveUncapped, ruleSet.score.positiveCap); // [L:Guangdong] +150
  const { base, min, max } = ruleSet.score;
  const score = Math.min(max, Math.max(min, base + negativePoints + positivePoints));

  const grade = organisationGrade(ruleSet, input.subject.agreementSignedOn, asOf, score, tally.gradeCap);
  // NOT_RATED carries B's flags: a clean record is B (§2 modifiers), and a new institution has no record yet.
  const flagGrade = grade === Grade.NOT_RATED ? Grade.B : grade;
  const severe = flagGrade === Grade.D || flagGrade === Grade.E;
  return {
    subjectType: ruleSet.subjectType,
    ruleSetVersion: ruleSet.version,
    score,
    grade,
    notRated: grade === Grade.NOT_RATED,
    inspectionFactor: ruleSet.inspectionFactors[flagGrade],
    keySupervision: severe,
    depositRetention: severe,
    terminationRecommended: isTerminationRecommended(ruleSet, input, events),
    investigationHold: tally.investigationHold,
    gradeCap: tally.gradeCap,
    negativePoints,
    positivePoints,
    explanation: tally.lines,
  };
}

/**
 * Score grade, then caps (Art.40 → no better than D; termination, police referral, severe list → E), then
 * NOT_RATED for agreements younger than `notRatedMonths`. A cap beats NOT_RATED: NOT_RATED means "not enough
 * history to judge", and a fraud finding or a termination is enough to judge.
 */
function organisationGrade(
  ruleSet: OrgRuleSet,
  agreementSignedOn: string | null,
  asOf: string,
  score: number,
  gradeCap: Grade.D | Grade.E | null,
): Grade {
  if (gradeCap !== null) return worseGrade(gradeFromScore(ruleSet.gradeThresholds, score), gradeCap);
  if (agreementSignedOn !== null && asOf < addMonths(agreementSignedOn, ruleSet.notRatedMonths)) return Grade.NOT_RATED;
  return gradeFromScore(ruleSet.gradeThresholds, score);
}

/**
 * Points, caps and flags of the events that count on `asOf`. An event counts from its decision date while
 * `asOf` < decidedOn + windowMonths (its `countsUntil` is the day before). The repeat check sees every earlier
 * event of the type, including ones that have since expired: whether a finding was 屡犯 is fixed when it is decided.
 */
function tallyEvents(ruleSet: OrgRuleSet, events: readonly CreditEvent[], asOf: string): Tally {
  const tally: Tally = { lines: [], gradeCap: null, investigationHold: false };
  const repeats = new RepeatTracker<EventType>(ruleSet.modifiers.repeatWithinMonths);
  const sameIndicator = new SameIndicatorOnce();
  for (const e of events) {
    const rule = ruleSet.events[e.type];
    if (rule === undefined) continue; // not an institution event (e.g. a practitioner's REPAIR_ACTIVITY)
    const isRepeat = repeats.observe(e.type, e);
    const end = rule.windowMonths === null ? openEnd(e) : addMonths(e.decidedOn, rule.windowMonths);
    if (end !== null && asOf >= end) continue; // expired
    const scored = orgEventPoints(rule, e, ruleSet.modifiers, isRepeat);
    const countsUntil = end === null ? null : previousDay(end);
    const line: ExplanationLine = { eventId: e.id, points: scored.points, countsUntil, rule: scored.rule };
    sameIndicator.keepLargest(e, line);
    tally.lines.push(line);
    if (rule.gradeCap !== null) tally.gradeCap = worseGrade(rule.gradeCap, tally.gradeCap);
    if (rule.flag === 'INVESTIGATION_HOLD') tally.investigationHold = true;
  }
  return tally;
}

/** "While open": until revoked or amended, or for `suspensionDays` days when the decision gives them. */
function openEnd(e: CreditEvent): string | null {
  return e.suspensionDays === null ? null : addDays(e.decidedOn, e.suspensionDays);
}
