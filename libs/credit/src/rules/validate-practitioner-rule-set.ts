import { EventType, Responsibility, SubjectType } from '../model';
import { EVENT_TYPES_BY_SUBJECT_TYPE } from '../validation/event-subject-types';
import { RuleSetChecker } from './rule-set-checker';

const TIERED_EVENT_TYPES: readonly EventType[] = EVENT_TYPES_BY_SUBJECT_TYPE[SubjectType.PRACTITIONER].filter(
  (t) => t !== EventType.REPAIR_ACTIVITY,
);
const RESPONSIBILITIES = [Responsibility.GENERAL, Responsibility.IMPORTANT, Responsibility.MAIN];

/**
 * Structural checks of a PractitionerRuleSet body: tiers ascending and non-overlapping, each event type in at
 * most one tier, and the consequence ladder in order: REMINDED < KEY_SUPERVISION < suspensions < termination.
 */
export function validatePractitionerRuleSet(c: RuleSetChecker, rs: Record<string, unknown>): void {
  const tierNumbers = checkTiers(c, rs.tiers);
  checkRepeatInYear(c, rs.repeatInYear, tierNumbers);
  const ladder: number[] = [];
  if (c.object('status', rs.status)) {
    if (c.integer('status.remindedFrom', rs.status.remindedFrom, 1)) ladder.push(rs.status.remindedFrom);
    if (c.integer('status.keySupervisionFrom', rs.status.keySupervisionFrom, 1))
      ladder.push(rs.status.keySupervisionFrom);
  }
  const cumulative = checkSteps(c, 'cumulativeSuspensions', rs.cumulativeSuspensions);
  checkSteps(c, 'singleEventSuspensions', rs.singleEventSuspensions);
  if (cumulative.length > 0) ladder.push(cumulative[0]);
  if (c.object('termination', rs.termination)) {
    const t = rs.termination;
    if (c.integer('termination.minPoints', t.minPoints, 1)) {
      if (cumulative.length > 0 && cumulative[cumulative.length - 1] >= t.minPoints) {
        c.report('cumulativeSuspensions', 'every step must be below termination.minPoints');
      }
      ladder.push(t.minPoints);
    }
    c.integer('termination.barMonths', t.barMonths, 1, 1200);
    c.integer('termination.singleEventMinPoints', t.singleEventMinPoints, 1);
    c.integer('termination.singleEventBarMonths', t.singleEventBarMonths, 1, 1200);
  }
  c.strictlyMonotonic('status', ladder, 'asc', 'remindedFrom, keySupervisionFrom, the first suspension, termination');
  if (c.object('repair', rs.repair)) {
    c.integer('repair.pointsPerActivity', rs.repair.pointsPerActivity, 0);
    c.integer('repair.maxPointsPerYear', rs.repair.maxPointsPerYear, 0);
  }
}

/** Returns the tier numbers seen. */
function checkTiers(c: RuleSetChecker, tiers: unknown): number[] {
  if (!c.array('tiers', tiers, 1)) return [];
  const numbers: number[] = [];
  const bounds: number[] = []; // GENERAL, MAIN of each tier in order: must strictly increase
  const seenTypes = new Map<string, number>();
  tiers.forEach((tier, i) => {
    const path = `tiers[${i}]`;
    if (!c.object(path, tier)) return;
    if (c.integer(`${path}.tier`, tier.tier, 1)) numbers.push(tier.tier);
    const points = checkTierPoints(c, `${path}.points`, tier.points);
    if (points) bounds.push(points[0], points[2]);
    if (!c.array(`${path}.eventTypes`, tier.eventTypes)) return;
    tier.eventTypes.forEach((type, j) => {
      if (!TIERED_EVENT_TYPES.includes(type as EventType)) {
        c.report(`${path}.eventTypes[${j}]`, 'is not a practitioner event type with points');
      } else if (seenTypes.has(type as string)) {
        c.report(`${path}.eventTypes[${j}]`, `${String(type)} is already in tiers[${seenTypes.get(type as string)}]`);
      } else {
        seenTypes.set(type as string, i);
      }
    });
  });
  c.strictlyMonotonic('tiers', numbers, 'asc', 'tier');
  checkNonOverlapping(c, bounds);
  return numbers;
}

/** Points by responsibility, GENERAL ≤ IMPORTANT ≤ MAIN (low, middle, high end of the tier). */
function checkTierPoints(c: RuleSetChecker, path: string, points: unknown): number[] | null {
  if (!c.object(path, points)) return null;
  const values = RESPONSIBILITIES.map((r) => (c.integer(`${path}.${r}`, points[r], 0) ? (points[r] as number) : NaN));
  if (values.some(Number.isNaN)) return null;
  if (values[0] > values[1] || values[1] > values[2]) {
    c.report(path, 'must not decrease from GENERAL to IMPORTANT to MAIN');
    return null;
  }
  return values;
}

function checkNonOverlapping(c: RuleSetChecker, bounds: number[]): void {
  for (let i = 2; i < bounds.length; i += 2) {
    if (bounds[i] <= bounds[i - 1])
      c.report('tiers', `tier ranges must not overlap (tiers[${i / 2}] starts at or below the previous tier's MAIN)`);
  }
}

function checkRepeatInYear(c: RuleSetChecker, r: unknown, tierNumbers: number[]): void {
  if (!c.object('repeatInYear', r)) return;
  const toOk = c.integer('repeatInYear.toTier', r.toTier, 1);
  if (toOk && !tierNumbers.includes(r.toTier as number))
    c.report('repeatInYear.toTier', 'is not a tier of this rule set');
  if (!c.array('repeatInYear.fromTiers', r.fromTiers)) return;
  r.fromTiers.forEach((from, i) => {
    const path = `repeatInYear.fromTiers[${i}]`;
    if (!c.integer(path, from, 1)) return;
    if (!tierNumbers.includes(from)) c.report(path, 'is not a tier of this rule set');
    else if (toOk && from >= (r.toTier as number)) c.report(path, 'must be below toTier (a repeat is never milder)');
  });
}

/** Steps strictly ascending by minPoints with at least one month each; returns the minPoints seen. */
function checkSteps(c: RuleSetChecker, path: string, steps: unknown): number[] {
  if (!c.array(path, steps)) return [];
  const mins: number[] = [];
  steps.forEach((step, i) => {
    const sp = `${path}[${i}]`;
    if (!c.object(sp, step)) return;
    if (c.integer(`${sp}.minPoints`, step.minPoints, 1)) mins.push(step.minPoints);
    c.integer(`${sp}.months`, step.months, 1, 1200);
  });
  c.strictlyMonotonic(path, mins, 'asc', 'minPoints');
  return mins;
}
