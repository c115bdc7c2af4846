import { DomainError } from '@app/common';

/** api-contract.md: recordEvents takes at most 5,000 items; registerSubjects shares the limit. */
export const MAX_BATCH_ITEMS = 5000;

export function checkBatchSize(items: readonly unknown[], field = 'input'): void {
  if (items.length > MAX_BATCH_ITEMS) {
    throw DomainError.badInput(`at most ${MAX_BATCH_ITEMS} items per call`, { field, reason: 'BATCH_TOO_LARGE' });
  }
}

export function badItem(index: number, issue: { field: string; reason: string; message: string }): DomainError {
  return DomainError.badInput(`item ${index}: ${issue.message}`, { index, field: issue.field, reason: issue.reason });
}
