import { DomainError } from '@app/common';
import { freeTextProblem } from '@app/credit';

/**
 * A regulator's free text (reason, summary): trimmed, 1..max characters, no control characters, never a
 * resident ID or phone number (the reasons of list decisions may be shown to the commission).
 */
export function checkedText(value: unknown, field: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || [...trimmed].length > max) {
    throw DomainError.badInput(`${field} must be 1 to ${max} characters`, { field, reason: 'INVALID_VALUE' });
  }
  const problem = freeTextProblem(trimmed, true);
  if (problem) throw DomainError.badInput(`${field} ${problem}`, { field, reason: 'INVALID_VALUE' });
  return trimmed;
}
