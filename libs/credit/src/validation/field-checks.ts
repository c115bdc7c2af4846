import { isIsoDate, IsoDate } from '../calendar';
import { containsValidResidentId } from '../identifiers';
import { freeTextProblem } from './free-text';
import { issue, ValidationIssue } from './validation-issue';

/**
 * Building blocks shared by the event and subject validators. Items come from JSON and CSV, so every check
 * starts from `unknown`. An absent value is undefined, null or '' (an empty CSV cell).
 */
export type InputRecord = Readonly<Record<string, unknown>>;

/** Dates before this are typing errors (0224 for 2024), not history: the fund supervision regime is younger. */
export const EARLIEST_BUSINESS_DATE = '1990-01-01';

const REGION_CODE = /^[1-9][0-9]{5}$/;

export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function isPlainRecord(value: unknown): value is InputRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function missing(field: string): ValidationIssue {
  return issue(field, 'MISSING_FIELD', 'is required');
}

/** Length counts characters (code points), as a utf8mb4 VARCHAR column does. */
export function checkText(record: InputRecord, field: string, maxLength: number, required: boolean): ValidationIssue | null {
  const value = record[field];
  if (isAbsent(value)) return required ? missing(field) : null;
  if (typeof value !== 'string') return issue(field, 'INVALID_VALUE', 'must be a string');
  const trimmed = value.trim();
  if (trimmed === '') return required ? missing(field) : null;
  const problem = freeTextProblem(trimmed, false);
  if (problem) return issue(field, 'INVALID_VALUE', problem);
  // An identifier (sourceRef …) may be an 18-digit serial number, but a real resident ID there would be
  // stored and shown in clear.
  if (containsValidResidentId(trimmed)) return issue(field, 'INVALID_VALUE', 'must not contain a resident ID number');
  // A string has at most as many code points as UTF-16 units: only a long one needs counting.
  if (trimmed.length > maxLength && codePointLength(trimmed) > maxLength) return issue(field, 'INVALID_VALUE', `must be at most ${maxLength} characters`);
  return null;
}

/**
 * For texts that end up in public disclosures or unencrypted columns (names, decision numbers, authorities):
 * an ID or phone number there is a column mix-up that would later leak it (domain.md section 7), so it is
 * refused now, also when written in full-width digits or with invisible characters in between.
 */
export function checkPublicText(record: InputRecord, field: string, maxLength: number, required: boolean): ValidationIssue | null {
  const found = checkText(record, field, maxLength, required);
  if (found || typeof record[field] !== 'string') return found;
  const problem = freeTextProblem(record[field] as string, true);
  return problem ? issue(field, 'INVALID_VALUE', problem) : null;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function checkEnum(
  record: InputRecord,
  field: string,
  allowed: readonly string[],
  required: boolean,
): ValidationIssue | null {
  const value = record[field];
  if (isAbsent(value)) return required ? missing(field) : null;
  if (typeof value === 'string' && allowed.includes(value)) return null;
  return issue(field, 'INVALID_VALUE', `must be one of ${allowed.join(', ')}`);
}

/** Administrative division code 行政区划代码: six digits, the first never 0. */
export function checkRegionCode(record: InputRecord, field: string): ValidationIssue | null {
  const value = record[field];
  if (isAbsent(value)) return null;
  if (typeof value === 'string' && REGION_CODE.test(value)) return null;
  return issue(field, 'INVALID_VALUE', 'must be a 6-digit administrative division code');
}

/** A real calendar date, not before EARLIEST_BUSINESS_DATE and not after today. */
export function checkPastDate(record: InputRecord, field: string, today: IsoDate, required: boolean): ValidationIssue | null {
  const value = record[field];
  if (isAbsent(value)) return required ? missing(field) : null;
  if (!isIsoDate(value)) return issue(field, 'INVALID_DATE', 'must be a real calendar date written YYYY-MM-DD');
  if (value < EARLIEST_BUSINESS_DATE) return issue(field, 'INVALID_DATE', `must not be before ${EARLIEST_BUSINESS_DATE}`);
  if (value > today) return issue(field, 'INVALID_DATE', 'must not be in the future');
  return null;
}

/** Money is integer fen (domain.md section 8): a JSON number that is a non-negative safe integer. */
export function checkFen(record: InputRecord, field: string, required: boolean): ValidationIssue | null {
  const value = record[field];
  if (isAbsent(value)) return required ? missing(field) : null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return null;
  return issue(field, 'INVALID_AMOUNT', 'must be a non-negative whole number of fen');
}

export function assertToday(today: unknown): asserts today is IsoDate {
  // A wrong `today` is a bug in the caller, not bad input: fail loudly instead of blaming the item.
  if (!isIsoDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
}
