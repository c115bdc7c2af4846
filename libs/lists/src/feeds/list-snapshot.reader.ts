import { ListKind } from '@app/credit';
import { streamHead } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ListEntryStatus } from '../entries/list-entry.entity';
import { canonicalize } from './canonical';
import { FEED_COLUMNS, FeedEntry, listStream, toFeedEntry } from './feed-entry';
import { SnapshotStamp } from './snapshot-stamp.entity';

/** Entries per keyset page while streaming: memory stays flat whatever the size of the list. */
const PAGE = 2000;

export interface Stamp {
  /** The list's position the snapshot is at (`X-List-Seq`). */
  seq: number;
  rowCount: number;
  /** SHA-256 (hex) of the canonical NDJSON body (`X-Content-SHA256`). */
  sha256: string;
}

/** One snapshot line: RFC 8785 (canonicalize, the JCS library a consumer verifies with), then a newline. */
export function canonicalLine(entry: FeedEntry): string {
  return `${canonicalize(entry)}\n`;
}

/**
 * A list's full snapshot: its ACTIVE entries ordered by entryId, at the list's current position. Everything is
 * read in one REPEATABLE READ transaction, so the position, the stamp and the lines are one consistent view
 * even while writers go on (positions follow commit order: every change up to the position is in the view,
 * none after). The stamp is a stored fact per (list, seq): the first reader of a position computes it in one
 * streaming pass and stores it; every later HEAD or GET reads it.
 */
@Injectable()
export class ListSnapshotReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `use` with the stamp and a line iterator of the same consistent view (call lines() at most once). */
  async read<T>(list: ListKind, use: (stamp: Stamp, lines: () => AsyncGenerator<FeedEntry>) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const em = runner.manager;
      const seq = await streamHead(em, listStream(list));
      const stamp = (await this.storedStamp(em, list, seq)) ?? (await this.computeStamp(em, list, seq));
      const result = await use(stamp, () => entries(em, list));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async storedStamp(em: EntityManager, list: ListKind, seq: number): Promise<Stamp | null> {
    const row = await em.getRepository(SnapshotStamp).findOneBy({ list, seq: String(seq) });
    return row ? { seq, rowCount: row.rowCount, sha256: row.sha256 } : null;
  }

  private async computeStamp(em: EntityManager, list: ListKind, seq: number): Promise<Stamp> {
    const hash = createHash('sha256');
    let rowCount = 0;
    for await (const entry of entries(em, list)) {
      hash.update(canonicalLine(entry), 'utf8');
      rowCount++;
    }
    const stamp = { seq, rowCount, sha256: hash.digest('hex') };
    // Outside the reading transaction (its view must not move): a concurrent first reader writes the same row.
    await this.dataSource.query(
      'INSERT IGNORE INTO list_snapshot_stamps (list, seq, row_count, sha256, computed_at) VALUES (?, ?, ?, ?, ?)',
      [list, seq, rowCount, stamp.sha256, new Date()],
    );
    return stamp;
  }
}

/** The list's ACTIVE entries in entryId order, by keyset pages on ix_list_entries_list_status. */
async function* entries(em: EntityManager, list: ListKind): AsyncGenerator<FeedEntry> {
  for (let after = ''; ; ) {
    const rows: Parameters<typeof toFeedEntry>[0][] = await em.query(
      `SELECT ${FEED_COLUMNS} FROM list_entries WHERE list = ? AND status = ? AND entry_id > ? ORDER BY entry_id LIMIT ?`,
      [list, ListEntryStatus.ACTIVE, after, PAGE],
    );
    for (const r of rows) yield toFeedEntry(r);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].entryId!;
  }
}
