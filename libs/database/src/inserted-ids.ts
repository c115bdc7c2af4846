import { DataSource, EntityManager } from 'typeorm';

/** What the server says about how it hands out auto-increment values. */
export interface AutoIncrementSettings {
  /** innodb_autoinc_lock_mode: 0 traditional, 1 consecutive, 2 interleaved. */
  lockMode: number;
  /** auto_increment_increment: the step between two generated ids (1 unless replication or Galera set it). */
  increment: number;
}

/**
 * True when the ids of one multi-row `INSERT … VALUES` are exactly insertId, insertId + 1, …: InnoDB gives a
 * "simple insert" (its row count known before it runs) one consecutive block under lock modes 0 and 1, and
 * the statement either stores every row or none (no IGNORE, no ON DUPLICATE KEY: no gaps). Mode 2
 * interleaves concurrent inserts' values, and a step other than 1 spaces them out: then the ids must be read.
 */
export function idsAreConsecutive(s: AutoIncrementSettings): boolean {
  return (s.lockMode === 0 || s.lockMode === 1) && s.increment === 1;
}

// Read once per data source: the lock mode is fixed when the server starts, and nothing here sets the step.
const consecutiveBySource = new WeakMap<DataSource, Promise<boolean>>();

function serverHandsOutConsecutiveIds(em: EntityManager): Promise<boolean> {
  let known = consecutiveBySource.get(em.connection);
  if (!known) {
    known = em
      .query('SELECT @@innodb_autoinc_lock_mode AS lockMode, @@auto_increment_increment AS increment')
      .then((rows: { lockMode: unknown; increment: unknown }[]) => idsAreConsecutive({ lockMode: Number(rows[0].lockMode), increment: Number(rows[0].increment) }));
    // A failed read is not remembered: the next caller asks again.
    known.catch(() => consecutiveBySource.delete(em.connection));
    consecutiveBySource.set(em.connection, known);
  }
  return known;
}

/**
 * The ids a multi-row INSERT just generated, from the driver's insertId (the first of them) and its row count,
 * without reading them back (B1: the read-back was a 5,000-row SELECT per batch). Null when the server does
 * not guarantee a consecutive block (see idsAreConsecutive) or the row count is not what was sent: then the
 * caller reads the ids by a unique key, as it would without this.
 */
export async function insertedIds(em: EntityManager, result: { insertId: number | string; affectedRows: number } | undefined, rows: number): Promise<string[] | null> {
  if (!result || result.affectedRows !== rows || !(await serverHandsOutConsecutiveIds(em))) return null;
  const first = BigInt(String(result.insertId));
  if (first <= 0n) return null;
  const ids = new Array<string>(rows);
  for (let k = 0; k < rows; k++) ids[k] = (first + BigInt(k)).toString();
  return ids;
}
