import { AssessmentResult, EventType, Grade, SubjectType } from '../model';
import { checkScoreScale } from './check-score-scale';
import { EVENT_TYPES_BY_SUBJECT_TYPE } from '../validation/event-subject-types';
import { RuleSetChecker } from './rule-set-checker';

const ORG_EVENT_TYPES = EVENT_TYPES_BY_SUBJECT_TYPE[SubjectType.MEDICAL_INSTITUTION];
const MAX_WINDOW_MONTHS = 1200;

/** Structural checks of an OrgRuleSet body (the header is checked by `validateRuleSet`). */
export function validateOrgRuleSet(c: RuleSetChecker, rs: Record<string, unknown>): void {
  checkScoreScale(c, rs.score, rs.gradeThresholds);
  if (c.object('score', rs.score)) c.integer('score.positiveCap', rs.score.positiveCap, 0);
  checkEvents(c, rs.events);
  checkModifiers(c, rs.modifiers);
  if (c.object('inspectionFactors', rs.inspectionFactors)) {
    for (const g of [Grade.A, Grade.B, Grade.C, Grade.D, Grade.E]) {
      c.number(`inspectionFactors.${g}`, rs.inspectionFactors[g], 0);
    }
  }
  c.integer('notRatedMonths', rs.notRatedMonths, 0, MAX_WINDOW_MONTHS);
  const t = rs.terminationRecommendation;
  if (c.object('terminationRecommendation', t)) {
    c.integer('terminationRecommendation.consecutiveBadYears', t.consecutiveBadYears, 1, 100);
    c.integer('terminationRecommendation.suspensionsPerTerm', t.suspensionsPerTerm, 1);
    c.integer('terminationRecommendation.unknownTermMonths', t.unknownTermMonths, 1, MAX_WINDOW_MONTHS);
  }
}

function checkEvents(c: RuleSetChecker, events: unknown): void {
  if (!c.object('events', events)) return;
  for (const [type, rule] of Object.entries(events)) {
    const path = `events.${type}`;
    if (!ORG_EVENT_TYPES.includes(type as EventType)) {
      c.report(path, 'is not an institution or pharmacy event type');
    } else if (c.object(path, rule)) {
      checkEventRule(c, path, rule);
    }
  }
}

function checkEventRule(c: RuleSetChecker, path: string, rule: Record<string, unknown>): void {
  const pointsOk = checkPoints(c, `${path}.points`, rule.points);
  c.boolean(`${path}.applyModifiers`, rule.applyModifiers);
  c.oneOf(`${path}.gradeCap`, rule.gradeCap, [null, Grade.D, Grade.E]);
  c.oneOf(`${path}.flag`, rule.flag, [null, 'INVESTIGATION_HOLD']);
  if (rule.windowMonths === null) {
    // "While open" suits a flag; points that never expire would follow a subject for ever.
    const pointless = pointsOk && (rule.points as { kind: string; points: unknown }).points === 0;
    if (rule.flag === null || !pointless) c.report(`${path}.windowMonths`, 'may be null only for a flag with 0 points');
  } else {
    c.integer(`${path}.windowMonths`, rule.windowMonths, 1, MAX_WINDOW_MONTHS);
  }
}

function checkPoints(c: RuleSetChecker, path: string, points: unknown): boolean {
  if (!c.object(path, points)) return false;
  if (!c.oneOf(`${path}.kind`, points.kind, ['FIXED', 'PER_AMOUNT', 'BY_FINE_MULTIPLE', 'BY_ASSESSMENT'])) return false;
  switch (points.kind) {
    case 'FIXED':
      return c.integer(`${path}.points`, points.points);
    case 'PER_AMOUNT':
      return checkPerAmount(c, path, points);
    case 'BY_FINE_MULTIPLE':
      return checkByFineMultiple(c, path, points);
    default:
      return checkByAssessment(c, path, points.points);
  }
}

function checkPerAmount(c: RuleSetChecker, path: string, p: Record<string, unknown>): boolean {
  const ok = [
    c.integer(`${path}.points`, p.points, Number.MIN_SAFE_INTEGER, 0),
    c.integer(`${path}.perAmountFen`, p.perAmountFen, 1),
    c.integer(`${path}.pointsPerAmount`, p.pointsPerAmount, Number.MIN_SAFE_INTEGER, 0),
    c.integer(`${path}.capPoints`, p.capPoints, Number.MIN_SAFE_INTEGER, 0),
  ].every(Boolean);
  if (ok && (p.capPoints as number) > (p.points as number)) {
    return c.report(`${path}.capPoints`, 'must not be smaller in size than points (it caps the whole deduction)');
  }
  return ok;
}

function checkByFineMultiple(c: RuleSetChecker, path: string, p: Record<string, unknown>): boolean {
  const base = c.integer(`${path}.points`, p.points);
  if (!c.array(`${path}.steps`, p.steps)) return false;
  const multiples: number[] = [];
  p.steps.forEach((step, i) => {
    const sp = `${path}.steps[${i}]`;
    if (!c.object(sp, step)) return;
    c.integer(`${sp}.points`, step.points);
    if (c.number(`${sp}.minMultiple`, step.minMultiple, 0)) multiples.push(step.minMultiple);
  });
  return c.strictlyMonotonic(`${path}.steps`, multiples, 'asc', 'minMultiple') && base;
}

function checkByAssessment(c: RuleSetChecker, path: string, points: unknown): boolean {
  if (!c.object(`${path}.points`, points)) return false;
  return Object.values(AssessmentResult)
    .map((r) => c.integer(`${path}.points.${r}`, points[r]))
    .every(Boolean);
}

function checkModifiers(c: RuleSetChecker, m: unknown): void {
  if (!c.object('modifiers', m)) return;
  c.number('modifiers.flightWeight', m.flightWeight, 0);
  c.number('modifiers.selfReportedFactor', m.selfReportedFactor, 0, 1); // 从轻: never a heavier deduction
  c.integer('modifiers.repeatWithinMonths', m.repeatWithinMonths, 1, MAX_WINDOW_MONTHS);
  c.number('modifiers.repeatWeight', m.repeatWeight, 1); // 从重: never a lighter deduction
}
