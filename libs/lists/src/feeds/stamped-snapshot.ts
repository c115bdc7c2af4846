import { streamHead } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalize } from './canonical';

/** Lines per keyset page while streaming: memory stays flat whatever the size of the feed. */
export const SNAPSHOT_PAGE = 2000;

export interface Stamp {
  /** The feed's position the snapshot is at (`X-List-Seq`). */
  seq: number;
  rowCount: number;
  /** SHA-256 (hex) of the canonical NDJSON body (`X-Content-SHA256`). */
  sha256: string;
}

/** One snapshot line: RFC 8785 (canonicalize, the JCS library a consumer verifies with), then a newline. */
export function canonicalLine(line: unknown): string {
  return `${canonicalize(line)}\n`;
}

/** A keyset page: each line with the key it is ordered by (text order; the next page starts after the last key). */
export type SnapshotPage<T> = (em: EntityManager, after: string, limit: number) => Promise<{ key: string; line: T }[]>;

/** What a stamped snapshot is made of: the change stream that positions it, its stamp key, its pages. */
export interface StampedFeed<T> {
  /** The stream_heads row of the feed's change log: its head is the snapshot's seq. */
  stream: string;
  /** The stored stamp's key (list_snapshot_stamps.list): one per distinct body, e.g. a list, or an export variant. */
  stampKey: string;
  page: SnapshotPage<T>;
}

/**
 * A feed's full snapshot at its stream's current position, shared by the list feeds and the penalty export.
 * Everything is read in one REPEATABLE READ transaction, so the position, the stamp and the lines are one
 * consistent view even while writers go on (positions follow commit order: every change up to the position is
 * in the view, none after). The stamp is a stored fact per (stamp key, seq): the first reader of a position
 * computes it in one streaming pass and stores it; every later HEAD or GET reads it.
 */
@Injectable()
export class StampedSnapshots {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `use` with the stamp and a line iterator of the same consistent view (call lines() at most once). */
  async read<T, R>(feed: StampedFeed<T>, use: (stamp: Stamp, lines: () => AsyncGenerator<T>) => Promise<R>): Promise<R> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const em = runner.manager;
      const seq = await streamHead(em, feed.stream);
      const stored = await storedStamp(em, feed.stampKey, seq);
      const stamp = stored ?? (await computeStamp(em, feed, seq));
      const result = await use(stamp, () => lines(em, feed.page));
      await runner.commitTransaction();
      // Stored after the reading transaction (its view must not move), on the same connection: a reader never
      // waits for a second connection while it holds one. A concurrent first reader writes the same row.
      if (!stored) {
        await runner.query('INSERT IGNORE INTO list_snapshot_stamps (list, seq, row_count, sha256, computed_at) VALUES (?, ?, ?, ?, ?)', [
          feed.stampKey,
          seq,
          stamp.rowCount,
          stamp.sha256,
          new Date(),
        ]);
      }
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}

async function computeStamp<T>(em: EntityManager, feed: StampedFeed<T>, seq: number): Promise<Stamp> {
  const hash = createHash('sha256');
  let rowCount = 0;
  for await (const line of lines(em, feed.page)) {
    hash.update(canonicalLine(line), 'utf8');
    rowCount++;
  }
  return { seq, rowCount, sha256: hash.digest('hex') };
}

async function storedStamp(em: EntityManager, key: string, seq: number): Promise<Stamp | null> {
  const [row]: { row_count: number; sha256: string }[] = await em.query('SELECT row_count, sha256 FROM list_snapshot_stamps WHERE list = ? AND seq = ?', [key, seq]);
  return row ? { seq, rowCount: Number(row.row_count), sha256: row.sha256 } : null;
}

async function* lines<T>(em: EntityManager, page: SnapshotPage<T>): AsyncGenerator<T> {
  for (let after = ''; ; ) {
    const rows = await page(em, after, SNAPSHOT_PAGE);
    for (const r of rows) yield r.line;
    if (rows.length < SNAPSHOT_PAGE) return;
    after = rows[rows.length - 1].key;
  }
}
