import { EntityManager } from 'typeorm';

/** Change streams whose readers page by position. Each name is one row of `stream_heads`. */
export const STREAMS = {
  ratingChanges: 'rating_changes',
  /** The national-platform penalty export's change log (penalty_export_changes). */
  penalties: 'penalties',
} as const;

/**
 * Hands out `count` consecutive positions of a change stream inside the caller's transaction and returns the
 * first. Positions follow commit order and have no gaps, which an auto-increment id does not give (ids are
 * taken at insert time, transactions commit in another order, and a reader paging on `id > cursor` can see
 * N+1 before N commits and then never see N).
 *
 * Why it is safe: the upsert takes an exclusive lock on the stream's head row, and InnoDB keeps it until the
 * transaction ends. A second writer blocks on that row until the first has committed (or rolled back, which
 * also undoes its increment: no gap). So positions are taken in the order the transactions commit, and once
 * a reader sees position N, every position below N is already committed and visible to its next read.
 *
 * Call it as the LAST statement before commit, after every other lock and computation: only the position
 * hand-out and the commit are serialised, never the work that produced the rows.
 */
export async function claimStreamPositions(em: EntityManager, stream: string, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`claimStreamPositions: count must be a positive integer, got ${count}`);
  await em.query('INSERT INTO stream_heads (stream, position) VALUES (?, ?) ON DUPLICATE KEY UPDATE position = position + VALUES(position)', [
    stream,
    count,
  ]);
  const [head]: { position: string | number }[] = await em.query('SELECT position FROM stream_heads WHERE stream = ?', [stream]);
  return Number(head.position) - count + 1;
}

/** The highest position handed out so far (0 for a stream that never had one): a feed's `X-…-Seq` stamp. */
export async function streamHead(em: EntityManager, stream: string): Promise<number> {
  const [head]: { position: string | number }[] = await em.query('SELECT position FROM stream_heads WHERE stream = ?', [stream]);
  return head ? Number(head.position) : 0;
}

/**
 * Inserts the rows of a change log at the next positions of its stream (the `seq` column first), as the
 * transaction's last writes: claimStreamPositions, then one multi-row INSERT. Returns the first position.
 * `table` and `columns` are the caller's constants, never input.
 */
export async function insertAtNextPositions(
  em: EntityManager,
  stream: string,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<number> {
  const first = await claimStreamPositions(em, stream, rows.length);
  await em.query(`INSERT INTO ${table} (seq, ${columns.join(', ')}) VALUES ?`, [rows.map((r, i) => [first + i, ...r])]);
  return first;
}
