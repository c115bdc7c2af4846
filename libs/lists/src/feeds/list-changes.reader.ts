import { DomainError } from '@app/common';
import { ListKind } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedEntry } from './feed-entry';

/** api-contract.md: `limit` defaults to 10,000 per page. */
export const DEFAULT_CHANGES_LIMIT = 10_000;

export interface FeedChange {
  seq: number;
  op: 'ADD' | 'MODIFY' | 'REMOVE';
  removalReason: string | null;
  entry: FeedEntry;
  /** The audit chain's head when the change was made. */
  auditHead: { seq: string; hash: string };
}

export interface ChangesPage {
  changes: FeedChange[];
  /** The highest seq the page includes (`since` when it is empty): the `X-List-Seq` header. */
  lastSeq: number;
}

/**
 * `changes since seq` for one list: a range scan of uq_list_changes_seq (list, seq), so the cost follows the
 * number of changes asked for, not the size of the list. Positions are in commit order without gaps: a
 * consumer that keeps the last seq it applied never misses a change.
 */
@Injectable()
export class ListChangesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async since(list: ListKind, since: number, limit = DEFAULT_CHANGES_LIMIT): Promise<ChangesPage> {
    checkPosition(since, 'since');
    checkChangesLimit(limit);
    const rows: { seq: string | number; op: FeedChange['op']; removal_reason: string | null; entry: string | FeedEntry; audit_seq: string | number; audit_hash: string }[] =
      await this.dataSource.query(
        'SELECT seq, op, removal_reason, entry, audit_seq, audit_hash FROM list_changes WHERE list = ? AND seq > ? ORDER BY seq LIMIT ?',
        [list, since, limit],
      );
    const changes = rows.map((r) => ({
      seq: Number(r.seq),
      op: r.op,
      removalReason: r.removal_reason,
      entry: typeof r.entry === 'string' ? (JSON.parse(r.entry) as FeedEntry) : r.entry,
      auditHead: { seq: String(r.audit_seq), hash: r.audit_hash },
    }));
    return { changes, lastSeq: changes.length > 0 ? changes[changes.length - 1].seq : since };
  }
}

/** A changes page holds 1 to 10,000 changes (api-contract.md). */
export function checkChangesLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > DEFAULT_CHANGES_LIMIT) {
    throw DomainError.badInput(`limit must be between 1 and ${DEFAULT_CHANGES_LIMIT}`, { field: 'limit', reason: 'INVALID_PAGE_SIZE' });
  }
}

export function checkPosition(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw DomainError.badInput(`${field} must be a whole number ≥ 0`, { field, reason: 'INVALID_VALUE' });
}
