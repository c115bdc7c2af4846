import { EventType } from '../model';
import { checkFen, InputRecord, isAbsent, missing } from './field-checks';
import { issue, ValidationIssue } from './validation-issue';

/** What the type rules need to know about the subject, as far as the item and context tell. */
export interface EventFacts {
  type: EventType;
  /** True only when the subject is known to be a practitioner (from the context or the event type). */
  practitioner: boolean;
}

type TypeRule = (item: InputRecord, facts: EventFacts) => ValidationIssue | null;

// 条例 Art.39: a fine of 10,000–50,000 yuan.
const ART39_MIN_FEN = 1_000_000;
const ART39_MAX_FEN = 5_000_000;

/**
 * AGREEMENT_SUSPENDED covers two measures (catalogue table): an Art.38 suspension of 6–12 months, and the
 * agreement measure 中止服务协议 of 2号令 Art.42, which may be shorter. So any whole number of days from 1 to
 * 366 is accepted (366: a 12-month period that spans 29 February); the rule set, not the validator, decides
 * what a given length means.
 */
const SUSPENSION_MIN_DAYS = 1;
const SUSPENSION_MAX_DAYS = 366;

// The highest multiple in the 条例 (Art.40, Art.41) is 5; a multiple on any other type may not exceed it.
const MULTIPLE_RANGES: Partial<Record<EventType, readonly [number, number]>> = {
  [EventType.PENALTY_ART38]: [1, 2],
  [EventType.PENALTY_ART40]: [2, 5],
  [EventType.INSURED_FRAUD]: [2, 5],
};
const ANY_MULTIPLE: readonly [number, number] = [0.1, 5];

/** Recognition and assessments are not sanctions: a fine, multiple or suspension on them is a data error. */
const NON_SANCTIONS: ReadonlySet<EventType> = new Set([
  EventType.ANNUAL_ASSESSMENT,
  EventType.CREDIT_COMMITMENT,
  EventType.COMMENDATION,
  EventType.REPAIR_ACTIVITY,
]);

function checkFineMultiple(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  const value = item.fineMultiple;
  const range = MULTIPLE_RANGES[facts.type];
  if (isAbsent(value)) {
    // The multiple is the institution's fine; a practitioner's copy of the event need not repeat it.
    const required = facts.type === EventType.PENALTY_ART38 || facts.type === EventType.PENALTY_ART40;
    return required && !facts.practitioner ? missing('fineMultiple') : null;
  }
  if (NON_SANCTIONS.has(facts.type)) return notAllowed('fineMultiple', facts.type);
  const [min, max] = range ?? ANY_MULTIPLE;
  if (typeof value !== 'number' || !hasAtMostOneDecimal(value) || value < min || value > max) {
    return issue('fineMultiple', 'INVALID_VALUE', `must be a multiple from ${min} to ${max} with at most one decimal for ${facts.type}`);
  }
  return null;
}

function checkSuspensionDays(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  const value = item.suspensionDays;
  if (isAbsent(value)) return facts.type === EventType.AGREEMENT_SUSPENDED ? missing('suspensionDays') : null;
  if (NON_SANCTIONS.has(facts.type)) return notAllowed('suspensionDays', facts.type);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < SUSPENSION_MIN_DAYS || value > SUSPENSION_MAX_DAYS) {
    return issue('suspensionDays', 'INVALID_VALUE', `must be a whole number of days from ${SUSPENSION_MIN_DAYS} to ${SUSPENSION_MAX_DAYS}`);
  }
  return null;
}

function checkFine(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  const value = item.fineFen;
  if (facts.type === EventType.PENALTY_ART39) return checkArt39Fine(value, facts);
  // 0 is tolerated: CSV exports write 0 for "no fine".
  if (NON_SANCTIONS.has(facts.type) && !isAbsent(value) && value !== 0) return notAllowed('fineFen', facts.type);
  return null;
}

function checkArt39Fine(value: unknown, facts: EventFacts): ValidationIssue | null {
  if (isAbsent(value)) return facts.practitioner ? null : missing('fineFen');
  const formatIssue = checkFen({ fineFen: value }, 'fineFen', true);
  if (formatIssue) return formatIssue;
  if ((value as number) < ART39_MIN_FEN || (value as number) > ART39_MAX_FEN) {
    return issue('fineFen', 'INVALID_AMOUNT', 'must be 1000000 to 5000000 fen (10,000–50,000 yuan, 条例 Art.39)');
  }
  return null;
}

function checkAssessmentResult(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  const present = !isAbsent(item.assessmentResult);
  if (facts.type === EventType.ANNUAL_ASSESSMENT) return present ? null : missing('assessmentResult');
  return present ? notAllowed('assessmentResult', facts.type) : null;
}

// The amount decides the length of the settlement suspension (domain.md section 3).
function checkInsuredViolationAmount(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  if (facts.type !== EventType.INSURED_VIOLATION || !isAbsent(item.amountInvolvedFen)) return null;
  return missing('amountInvolvedFen');
}

function checkResponsibilityPresent(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  // Section 4 places a practitioner's points inside a tier by responsibility; a repair activity has none.
  if (!facts.practitioner || facts.type === EventType.REPAIR_ACTIVITY) return null;
  return isAbsent(item.responsibility) ? missing('responsibility') : null;
}

/**
 * PENALTY_NOT_PERFORMED (行政处罚决定未履行) names the decision that was not carried out by its `decisionNo`: the
 * severe-list feed shows that number, and without it the entry could not be traced to a decision. The multiple
 * and suspension belong to that original decision, not to the finding that it was not performed; `fineFen` may
 * carry the amount left unpaid.
 */
function checkPenaltyNotPerformed(item: InputRecord, facts: EventFacts): ValidationIssue | null {
  if (facts.type !== EventType.PENALTY_NOT_PERFORMED) return null;
  if (isAbsent(item.decisionNo)) return missing('decisionNo');
  if (!isAbsent(item.fineMultiple)) return notAllowed('fineMultiple', facts.type);
  if (!isAbsent(item.suspensionDays)) return notAllowed('suspensionDays', facts.type);
  return null;
}

export const EVENT_TYPE_RULES: readonly TypeRule[] = [
  checkPenaltyNotPerformed,
  checkFine,
  checkFineMultiple,
  checkSuspensionDays,
  checkAssessmentResult,
  checkInsuredViolationAmount,
  checkResponsibilityPresent,
];

function hasAtMostOneDecimal(value: number): boolean {
  // 1.1 * 10 is 11.000000000000002 in binary floating point, hence the tolerance.
  return Number.isFinite(value) && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

function notAllowed(field: string, type: EventType): ValidationIssue {
  return issue(field, 'INVALID_VALUE', `is not allowed on ${type}`);
}
