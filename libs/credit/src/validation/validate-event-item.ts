import { IsoDate } from '../calendar';
import { AssessmentResult, EventStatus, EventType, InspectionKind, Responsibility, SubjectType } from '../model';
import { EVENT_TYPE_RULES, EventFacts } from './event-type-rules';
import {
  assertToday,
  checkEnum,
  checkFen,
  checkPastDate,
  checkPublicText,
  checkRegionCode,
  checkText,
  InputRecord,
  isAbsent,
  isPlainRecord,
  missing,
} from './field-checks';
import { checkSubjectReference } from './subject-reference';
import { issue, ValidationIssue } from './validation-issue';

export interface EventValidationContext {
  /** Today in Asia/Shanghai ('YYYY-MM-DD'): no decision can be dated after it. */
  today: IsoDate;
  /**
   * The subject's type when the caller has resolved it (always pass it for items that name a subjectId:
   * without it, rules that depend on the subject type — responsibility for practitioners — cannot apply).
   */
  subjectType?: SubjectType;
}

const EVENT_TYPES: readonly string[] = Object.values(EventType);
const SUBJECT_TYPES: readonly string[] = Object.values(SubjectType);
const RESPONSIBILITIES: readonly string[] = Object.values(Responsibility);
const INSPECTION_KINDS: readonly string[] = Object.values(InspectionKind);
const ASSESSMENT_RESULTS: readonly string[] = Object.values(AssessmentResult);
// REVOKED and AMENDED are reached through revokeEvent and amendments, never recorded directly.
const RECORDABLE_STATUSES: readonly string[] = [EventStatus.PROPOSED, EventStatus.FINAL, EventStatus.UNDER_APPEAL];

type Check = (item: InputRecord, today: IsoDate) => ValidationIssue | null;

// In field order, so that "the first problem" is predictable for whoever fixes the input.
const FIELD_CHECKS: readonly Check[] = [
  (item) => checkText(item, 'sourceSystem', 64, true),
  (item) => checkText(item, 'sourceRef', 128, true),
];

const DETAIL_CHECKS: readonly Check[] = [
  (item) => checkEnum(item, 'status', RECORDABLE_STATUSES, false),
  (item, today) => checkPastDate(item, 'occurredOn', today, true),
  (item, today) => checkPastDate(item, 'decidedOn', today, true),
  checkDateOrder,
  (item) => checkPublicText(item, 'legalBasis', 128, false),
  (item) => checkPublicText(item, 'decisionNo', 128, false),
  (item) => checkPublicText(item, 'authority', 128, false),
  (item) => checkRegionCode(item, 'regionCode'),
  (item) => checkFen(item, 'amountInvolvedFen', false),
  (item) => checkFen(item, 'fineFen', false),
  (item) => checkEnum(item, 'responsibility', RESPONSIBILITIES, false),
  checkSelfReported,
  (item) => checkEnum(item, 'inspectionKind', INSPECTION_KINDS, false),
  (item) => checkEnum(item, 'assessmentResult', ASSESSMENT_RESULTS, false),
];

/**
 * Validates one recordEvents item (or CSV row) and returns its first problem, or null when it can be
 * recorded. A batch is all-or-nothing, so the caller stops at the first item with an issue and reports
 * its index. Store the item through normalizeEventItem.
 */
export function validateEventItem(item: unknown, ctx: EventValidationContext): ValidationIssue | null {
  assertToday(ctx.today);
  if (ctx.subjectType !== undefined && !SUBJECT_TYPES.includes(ctx.subjectType)) {
    throw new RangeError('ctx.subjectType is not a SubjectType');
  }
  if (!isPlainRecord(item)) return issue('item', 'INVALID_VALUE', 'must be an object');
  return firstIssue(FIELD_CHECKS, item, ctx.today) ?? checkTypedItem(item, ctx);
}

function checkTypedItem(item: InputRecord, ctx: EventValidationContext): ValidationIssue | null {
  const type = item.type;
  if (isAbsent(type)) return missing('type');
  if (typeof type !== 'string' || !EVENT_TYPES.includes(type)) {
    return issue('type', 'UNKNOWN_EVENT_TYPE', 'is not a known event type');
  }
  const reference = checkSubjectReference(item, type as EventType, ctx.today, ctx.subjectType);
  if (reference.issue) return reference.issue;
  const facts: EventFacts = {
    type: type as EventType,
    practitioner: reference.candidates.length === 1 && reference.candidates[0] === SubjectType.PRACTITIONER,
  };
  return firstIssue(DETAIL_CHECKS, item, ctx.today) ?? firstTypeIssue(item, facts);
}

function checkDateOrder(item: InputRecord): ValidationIssue | null {
  // Both are valid dates by now, and YYYY-MM-DD strings compare chronologically.
  if ((item.decidedOn as string) >= (item.occurredOn as string)) return null;
  return issue('decidedOn', 'INVALID_DATE', 'must not be before occurredOn');
}

function checkSelfReported(item: InputRecord): ValidationIssue | null {
  const value = item.selfReported;
  if (isAbsent(value) || typeof value === 'boolean') return null;
  return issue('selfReported', 'INVALID_VALUE', 'must be true or false');
}

function firstIssue(checks: readonly Check[], item: InputRecord, today: IsoDate): ValidationIssue | null {
  for (const check of checks) {
    const found = check(item, today);
    if (found) return found;
  }
  return null;
}

function firstTypeIssue(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  for (const rule of EVENT_TYPE_RULES) {
    const found = rule(item, facts);
    if (found) return found;
  }
  return null;
}
