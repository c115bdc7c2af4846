import { EventType, Grade, SubjectType } from '../model';
import { checkScoreScale } from './check-score-scale';
import { EVENT_TYPES_BY_SUBJECT_TYPE } from '../validation/event-subject-types';
import { RuleSetChecker } from './rule-set-checker';

const INSURED_EVENT_TYPES = EVENT_TYPES_BY_SUBJECT_TYPE[SubjectType.INSURED_PERSON];

/** Structural checks of an InsuredRuleSet body (the header is checked by `validateRuleSet`). */
export function validateInsuredRuleSet(c: RuleSetChecker, rs: Record<string, unknown>): void {
  checkScoreScale(c, rs.score, rs.gradeThresholds);
  if (c.object('events', rs.events)) {
    for (const [type, rule] of Object.entries(rs.events)) {
      const path = `events.${type}`;
      if (!INSURED_EVENT_TYPES.includes(type as EventType)) c.report(path, 'is not an insured-person event type');
      else if (c.object(path, rule)) checkEventRule(c, path, rule);
    }
  }
  checkSuspension(c, rs.settlementSuspension);
  checkSevereListAgreement(c, rs);
}

/**
 * `events.*.severeListCandidate` (shown on the rating) and `lists.severeDishonesty.entryEventTypes` (what the list
 * rules read) say the same thing twice; a rule set in which they disagree would rate and list differently.
 */
function checkSevereListAgreement(c: RuleSetChecker, rs: Record<string, unknown>): void {
  const events = rs.events as Record<string, { severeListCandidate?: unknown }> | undefined;
  const entry = (rs.lists as { severeDishonesty?: { entryEventTypes?: unknown } } | undefined)?.severeDishonesty?.entryEventTypes;
  if (!events || typeof events !== 'object' || !Array.isArray(entry)) return;
  for (const [type, rule] of Object.entries(events)) {
    if (typeof rule?.severeListCandidate !== 'boolean') continue;
    if (rule.severeListCandidate !== entry.includes(type)) {
      c.report(`events.${type}.severeListCandidate`, 'must agree with lists.severeDishonesty.entryEventTypes');
    }
  }
}

function checkEventRule(c: RuleSetChecker, path: string, rule: Record<string, unknown>): void {
  c.integer(`${path}.points`, rule.points);
  c.integer(`${path}.windowMonths`, rule.windowMonths, 1, 1200);
  c.oneOf(`${path}.gradeCap`, rule.gradeCap, [null, Grade.D]);
  c.boolean(`${path}.suspendsSettlement`, rule.suspendsSettlement);
  c.boolean(`${path}.severeListCandidate`, rule.severeListCandidate);
}

function checkSuspension(c: RuleSetChecker, s: unknown): void {
  const path = 'settlementSuspension';
  if (!c.object(path, s)) return;
  c.integer(`${path}.repeatMonths`, s.repeatMonths, 1, 1200);
  c.integer(`${path}.repeatWithinMonths`, s.repeatWithinMonths, 1, 1200);
  if (!c.array(`${path}.bands`, s.bands, 1)) return;
  const bounds: number[] = [];
  s.bands.forEach((band, i) => {
    const bp = `${path}.bands[${i}]`;
    if (!c.object(bp, band)) return;
    c.integer(`${bp}.months`, band.months, 1, 1200);
    const last = i === (s.bands as unknown[]).length - 1;
    if (last && band.upToFen !== null) c.report(`${bp}.upToFen`, 'must be null in the last band (no upper bound)');
    else if (!last && c.integer(`${bp}.upToFen`, band.upToFen, 0)) bounds.push(band.upToFen);
  });
  c.strictlyMonotonic(`${path}.bands`, bounds, 'asc', 'upToFen');
}
