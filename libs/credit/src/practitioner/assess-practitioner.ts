import { CreditEvent, EventType, PractitionerStatus, Responsibility, SubjectType } from '../model';
import { PractitionerRuleSet } from '../rules';
import { countingEvents } from '../scoring/counting-events';
import { yearOf } from '../scoring/dates';
import { SAME_INDICATOR_ONCE } from '../scoring/explanation-line';
import { PointsCycle } from './points-cycle';
import {
  PractitionerAssessment,
  PractitionerAssessmentInput,
  PractitionerExplanationLine,
} from './practitioner-assessment';
import { sameCaseLosers } from './same-case-losers';
import { Sanctions } from './sanctions';
import { TierIndex, tierIndex } from './tier-index';

/**
 * The 12-point cycle of a practitioner (domain.md §4, [N] 医保发〔2024〕23号): points by tier and
 * responsibility on the decision date, a repeat of the same type in the year moved to tier 3, repairs, and
 * the consequences (REMINDED, KEY_SUPERVISION, SUSPENDED, TERMINATED). Every year since the first event is
 * walked, because a bar or suspension imposed in one year outlasts the reset of points on 1 January.
 */
export function assessPractitioner(input: PractitionerAssessmentInput): PractitionerAssessment {
  const { ruleSet } = input;
  const asOfYear = yearOf(input.asOf);
  const year = input.year ?? asOfYear;
  const at = year < asOfYear ? `${year}-12-31` : input.asOf;
  const tiers = tierIndex(ruleSet);
  const events = countingEvents(input.events, at).filter(
    (e) => e.type === EventType.REPAIR_ACTIVITY || tiers.byType.has(e.type),
  );
  const losers = sameCaseLosers(events);
  const sanctions = new Sanctions(ruleSet);
  const explanation: PractitionerExplanationLine[] = [];
  let cycle = new PointsCycle(year);
  for (const e of events) {
    const eventYear = yearOf(e.decidedOn);
    if (cycle.year !== eventYear) cycle = new PointsCycle(eventYear); // 1 January: points reset
    const line = losers.has(e)
      ? { ...lineFor(e, 0, tiers.byType.get(e.type)?.tier ?? null), rule: SAME_INDICATOR_ONCE }
      : e.type === EventType.REPAIR_ACTIVITY
        ? repair(ruleSet, e, cycle, sanctions)
        : score(ruleSet, tiers, e, cycle, sanctions);
    if (eventYear === year) explanation.push(line);
  }
  const total = cycle.year === year ? cycle.total : 0;
  const status = statusOn(ruleSet, at, total, sanctions);
  return {
    subjectType: SubjectType.PRACTITIONER,
    ruleSetVersion: ruleSet.version,
    year,
    total,
    status,
    ...reportedSanctions(sanctions, at, year),
    // The list threshold is the status threshold (domain.md §4 "6–8: KEY_SUPERVISION", §5 "≥ 6 points"): one
    // number in the rule set, not a second copy that could disagree with it.
    keySupervision: total >= ruleSet.status.keySupervisionFrom || status === PractitionerStatus.TERMINATED,
    explanation,
  };
}

/** Points of a violation, with the repeat-in-year escalation, then its consequences. */
function score(
  ruleSet: PractitionerRuleSet,
  tiers: TierIndex,
  e: CreditEvent,
  cycle: PointsCycle,
  sanctions: Sanctions,
): PractitionerExplanationLine {
  let tier = tiers.byType.get(e.type)!; // the caller keeps only tiered types and repairs
  let rule: string = e.type;
  // Tier 3: "the same violation repeated in the year" — a tier-1/2 event of a type already counted this year.
  if (cycle.seenBefore(e.type) && ruleSet.repeatInYear.fromTiers.includes(tier.tier)) {
    tier = tiers.byNumber.get(ruleSet.repeatInYear.toTier)!;
    rule += ':REPEAT_IN_YEAR';
  }
  // Responsibility is required on ingest for practitioner events; if absent, the low end of the tier applies.
  const points = tier.points[e.responsibility ?? Responsibility.GENERAL];
  const before = cycle.total;
  const peakBefore = cycle.peak;
  cycle.add(points);
  sanctions.afterPoints(e, before, cycle.total, points, peakBefore);
  return { ...lineFor(e, points, tier.tier), rule };
}

/**
 * REPAIR_ACTIVITY: −1 per verified activity, at most 4 points a year, never below 0, and never while barred
 * (repair never undoes a termination) [L:Tianjin]. A repair with nothing to take off does not use the yearly cap.
 * It lowers the points (and so REMINDED / KEY_SUPERVISION) but not a suspension already imposed.
 */
function repair(
  ruleSet: PractitionerRuleSet,
  e: CreditEvent,
  cycle: PointsCycle,
  sanctions: Sanctions,
): PractitionerExplanationLine {
  const { pointsPerActivity, maxPointsPerYear } = ruleSet.repair;
  const base = lineFor(e, 0, null);
  if (sanctions.isBarredOn(e.decidedOn)) return { ...base, rule: `${e.type}:TERMINATED` };
  if (cycle.repaired >= maxPointsPerYear) return { ...base, rule: `${e.type}:YEARLY_CAP` };
  const taken = Math.min(pointsPerActivity, cycle.total, maxPointsPerYear - cycle.repaired);
  if (taken === 0) return { ...base, rule: `${e.type}:NOTHING_TO_REPAIR` };
  cycle.total -= taken;
  cycle.repaired += taken;
  return { ...base, points: -taken };
}

function lineFor(e: CreditEvent, points: number, tier: number | null): PractitionerExplanationLine {
  return { eventId: e.id, points, tier, countsUntil: `${e.decidedOn.slice(0, 4)}-12-31`, rule: e.type };
}

/** A running bar, then a running suspension, then the points thresholds (3 REMINDED, 6 KEY_SUPERVISION). */
function statusOn(ruleSet: PractitionerRuleSet, at: string, total: number, sanctions: Sanctions): PractitionerStatus {
  if (sanctions.isBarredOn(at)) return PractitionerStatus.TERMINATED;
  if (sanctions.isSuspendedOn(at)) return PractitionerStatus.SUSPENDED;
  if (total >= ruleSet.status.keySupervisionFrom) return PractitionerStatus.KEY_SUPERVISION;
  if (total >= ruleSet.status.remindedFrom) return PractitionerStatus.REMINDED;
  return PractitionerStatus.ACTIVE;
}

/** A suspension or bar is reported while it runs on `at`, or when it began in the reported year. */
function reportedSanctions(s: Sanctions, at: string, year: number) {
  const suspension = s.isSuspendedOn(at) || (s.suspendedFrom !== null && yearOf(s.suspendedFrom) === year);
  const bar = s.isBarredOn(at) || (s.barredFrom !== null && yearOf(s.barredFrom) === year);
  return {
    suspendedFrom: suspension ? s.suspendedFrom : null,
    suspendedUntil: suspension ? s.suspendedUntil : null,
    suspendedByEventId: suspension ? s.suspendedBy : null,
    barredUntil: bar ? s.barredUntil : null,
    barredByEventId: bar ? s.barredBy : null,
    terminated: s.isBarredOn(at),
  };
}
