import { ListKind } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ListEntryStatus } from '../entries/list-entry.entity';
import { FEED_COLUMNS, FeedEntry, listStream, toFeedEntry } from './feed-entry';
import { StampedFeed, StampedSnapshots, Stamp } from './stamped-snapshot';

export { canonicalLine } from './stamped-snapshot';
export type { Stamp } from './stamped-snapshot';

/**
 * A list's full snapshot: its ACTIVE entries ordered by entryId, at the list's current position, read and
 * stamped by the shared StampedSnapshots (one consistent view; the stamp stored once per (list, seq)).
 */
@Injectable()
export class ListSnapshotReader {
  constructor(private readonly snapshots: StampedSnapshots) {}

  /** Runs `use` with the stamp and a line iterator of the same consistent view (call lines() at most once). */
  read<T>(list: ListKind, use: (stamp: Stamp, lines: () => AsyncGenerator<FeedEntry>) => Promise<T>): Promise<T> {
    return this.snapshots.read(listFeed(list), use);
  }
}

function listFeed(list: ListKind): StampedFeed<FeedEntry> {
  return { stream: listStream(list), stampKey: list, page: (em, after, limit) => entries(em, list, after, limit) };
}

/** One keyset page of the list's ACTIVE entries in entryId order, on ix_list_entries_list_status. */
async function entries(em: EntityManager, list: ListKind, after: string, limit: number): Promise<{ key: string; line: FeedEntry }[]> {
  const rows: Parameters<typeof toFeedEntry>[0][] = await em.query(
    `SELECT ${FEED_COLUMNS} FROM list_entries WHERE list = ? AND status = ? AND entry_id > ? ORDER BY entry_id LIMIT ?`,
    [list, ListEntryStatus.ACTIVE, after, limit],
  );
  return rows.map((r) => ({ key: r.entryId!, line: toFeedEntry(r) }));
}
