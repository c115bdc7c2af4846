import { EventType, Grade, SubjectType } from '../model';
import { EVENT_TYPES_BY_SUBJECT_TYPE } from '../validation/event-subject-types';
import { RuleSetChecker } from './rule-set-checker';

// 发改委令第36号 (domain.md §5): general information is published 3 months–1 year, severe 1–3 years.
const GENERAL_PUBLICATION_MONTHS = [3, 12] as const;
const SEVERE_PUBLICATION_MONTHS = [12, 36] as const;
const MAX_WORKING_DAYS = 60;
const MAX_MONTHS = 1200;
const ORG_GRADES = [Grade.A, Grade.B, Grade.C, Grade.D, Grade.E];
const INSURED_GRADES = [Grade.A, Grade.B, Grade.C, Grade.D];

/**
 * Structural checks of the `lists` section every rule set carries (domain.md §5): event types that can be recorded
 * on the subject type, each once; publication periods inside the national ranges; repair no later than the end
 * of publication (a repair after the automatic exit would repair nothing); grades of the subject type's scale.
 */
export function validateListRules(c: RuleSetChecker, lists: unknown, subjectType: SubjectType): void {
  if (!c.object('lists', lists)) return;
  const allowed = EVENT_TYPES_BY_SUBJECT_TYPE[subjectType];
  const s = lists.severeDishonesty;
  if (c.object('lists.severeDishonesty', s)) {
    eventTypes(c, 'lists.severeDishonesty.entryEventTypes', s.entryEventTypes, allowed);
    const f = s.terminationForFraud;
    if (c.object('lists.severeDishonesty.terminationForFraud', f)) {
      eventTypes(c, 'lists.severeDishonesty.terminationForFraud.fraudEventTypes', f.fraudEventTypes, allowed);
      c.integer('lists.severeDishonesty.terminationForFraud.withinDays', f.withinDays, 0, 3660);
    }
    periods(c, 'lists.severeDishonesty', s, SEVERE_PUBLICATION_MONTHS);
    c.integer('lists.severeDishonesty.objectionWorkingDays', s.objectionWorkingDays, 1, MAX_WORKING_DAYS);
  }
  const g = lists.goodConduct;
  if (c.object('lists.goodConduct', g)) {
    c.integer('lists.goodConduct.consecutiveYears', g.consecutiveYears, 1, 100);
    c.integer('lists.goodConduct.noPenaltyMonths', g.noPenaltyMonths, 0, MAX_MONTHS);
    eventTypes(c, 'lists.goodConduct.penaltyEventTypes', g.penaltyEventTypes, allowed);
  }
  if (c.object('lists.keySupervision', lists.keySupervision)) {
    // Insured persons are rated A–D (domain.md §3): an E could never be reached.
    const scale = subjectType === SubjectType.INSURED_PERSON ? INSURED_GRADES : ORG_GRADES;
    unique(c, 'lists.keySupervision.grades', lists.keySupervision.grades, scale);
  }
  if (c.object('lists.general', lists.general)) periods(c, 'lists.general', lists.general, GENERAL_PUBLICATION_MONTHS);
  const r = lists.repair;
  if (c.object('lists.repair', r)) {
    c.integer('lists.repair.decisionWorkingDays', r.decisionWorkingDays, 1, MAX_WORKING_DAYS);
    c.integer('lists.repair.noNewViolationMonths', r.noNewViolationMonths, 0, MAX_MONTHS);
    eventTypes(c, 'lists.repair.violationEventTypes', r.violationEventTypes, allowed);
  }
}

function periods(c: RuleSetChecker, path: string, p: Record<string, unknown>, [min, max]: readonly [number, number]): void {
  const publication = c.integer(`${path}.publicationMonths`, p.publicationMonths, min, max);
  if (c.integer(`${path}.repairMinimumMonths`, p.repairMinimumMonths, 0) && publication) {
    if ((p.repairMinimumMonths as number) > (p.publicationMonths as number)) {
      c.report(`${path}.repairMinimumMonths`, 'must not exceed publicationMonths');
    }
  }
}

function eventTypes(c: RuleSetChecker, path: string, value: unknown, allowed: readonly EventType[]): void {
  unique(c, path, value, allowed, 'is not an event type of this subject type');
}

function unique<T>(c: RuleSetChecker, path: string, value: unknown, allowed: readonly T[], problem?: string): void {
  if (!c.array(path, value)) return;
  const seen = new Set<unknown>();
  value.forEach((item, i) => {
    if (!allowed.includes(item as T)) {
      if (problem) c.report(`${path}[${i}]`, problem);
      else c.oneOf(`${path}[${i}]`, item, allowed);
    } else if (seen.has(item)) c.report(`${path}[${i}]`, `${String(item)} is listed twice`);
    seen.add(item);
  });
}
