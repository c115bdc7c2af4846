import { DomainError } from '@app/common';
import { NormalizedEventItem, SubjectType } from '@app/credit';
import type { SubjectRef } from '../subjects/subject-directory';
import { BatchMode, RejectedItem } from './recorded-batch';

export interface BatchItem {
  index: number;
  raw: unknown;
  item: NormalizedEventItem;
  /** HMAC of the resident ID when the item names its subject that way (the ID itself is never kept). */
  hmac: string | null;
  /** The ID's HMAC under every configured key, current first (a rotation in progress: a subject holds either). */
  hmacs: string[];
  /** The subject type the item was validated with before its subject was resolved (none when not yet known). */
  checkedFor?: SubjectType;
  subject?: SubjectRef;
  inputHash?: string;
  /** Set when the item repeats an event stored before or earlier in this batch. */
  duplicateOf?: string | BatchItem;
  id?: string;
}

/** The items of one recordEvents call on their way through the phases, and what was refused on the way. */
export class EventBatch {
  private readonly rejected = new Map<number, RejectedItem>();

  constructor(
    readonly mode: BatchMode,
    private items: BatchItem[],
  ) {}

  get live(): readonly BatchItem[] {
    return this.items;
  }

  reject(index: number, problem: Omit<RejectedItem, 'index'>): void {
    if (!this.rejected.has(index)) this.rejected.set(index, { index, ...problem });
  }

  /**
   * Ends a phase: all-or-nothing throws for the first refused item (so nothing is stored), the item-by-item
   * mode drops the refused items and goes on with the rest.
   */
  settle(): void {
    if (this.rejected.size === 0) return;
    if (this.mode === 'all-or-nothing') throw toError(this.rejections()[0]);
    this.items = this.items.filter((i) => !this.rejected.has(i.index));
  }

  rejections(): RejectedItem[] {
    return [...this.rejected.values()].sort((a, b) => a.index - b.index);
  }
}

function toError(r: RejectedItem): DomainError {
  const details = { index: r.index, field: r.field, reason: r.reason };
  const message = `item ${r.index}: ${r.message}`;
  return r.reason === 'CONFLICT' ? DomainError.conflict(message, details) : DomainError.badInput(message, details);
}
