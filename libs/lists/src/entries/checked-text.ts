import { DomainError } from '@app/common';
import { containsResidentIdPattern } from '@app/credit';

/** A regulator's free text (reason, summary): trimmed, 1..max characters, never a resident ID number. */
export function checkedText(value: unknown, field: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || [...trimmed].length > max) {
    throw DomainError.badInput(`${field} must be 1 to ${max} characters`, { field, reason: 'INVALID_VALUE' });
  }
  if (containsResidentIdPattern(trimmed)) throw DomainError.badInput(`${field} must not contain a resident ID number`, { field, reason: 'INVALID_VALUE' });
  return trimmed;
}
