/**
 * The stable reason codes of input validation. They travel to callers as `extensions.reason` of a
 * BAD_USER_INPUT error (api-contract.md), so a code is never renamed once released; add new ones at the end.
 */
export const VALIDATION_REASONS = [
  'MISSING_FIELD',
  'UNKNOWN_EVENT_TYPE',
  'UNKNOWN_SUBJECT_TYPE',
  'INVALID_AMOUNT',
  'INVALID_DATE',
  'INVALID_CREDIT_CODE',
  'INVALID_RESIDENT_ID',
  'INVALID_VALUE',
  'SUBJECT_TYPE_MISMATCH',
  // resolved against the registry, after the item itself was found valid
  'UNKNOWN_SUBJECT',
  'AMBIGUOUS_SUBJECT',
  'BATCH_TOO_LARGE',
  // CSV import
  'MISSING_COLUMN',
  'DUPLICATE_IN_BATCH',
] as const;

export type ValidationReason = (typeof VALIDATION_REASONS)[number];

/**
 * The first problem found in one input item. `message` is English for operators and never repeats the
 * submitted value: a value may be personal data (a resident ID typed into the wrong column, for instance).
 */
export interface ValidationIssue {
  field: string;
  reason: ValidationReason;
  message: string;
}

export function issue(field: string, reason: ValidationReason, message: string): ValidationIssue {
  return { field, reason, message: `${field}: ${message}` };
}
