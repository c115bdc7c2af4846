import { compareIds } from '@app/credit';
import { EntityManager } from 'typeorm';

/**
 * The "mark due" step, owned by ratings. The worker's outbox relay calls it in the transaction that stamps the
 * registry's announcements delivered, so a change is always either still in the outbox or marked here. A mark
 * keeps its first time: the sweep re-queues subjects marked for long, oldest first.
 */
export async function markRescoreDue(em: EntityManager, subjectIds: readonly string[], at: Date): Promise<void> {
  if (subjectIds.length === 0) return;
  // Numeric order, the order InnoDB locks an IN list in: writers that lock the same rows never cross.
  const ids = [...new Set(subjectIds)].sort(compareIds);
  await em.query('INSERT INTO rescore_due (subject_id, since) VALUES ? ON DUPLICATE KEY UPDATE since = LEAST(since, VALUES(since))', [
    ids.map((id) => [id, at]),
  ]);
}

/** Cleared only by a writer that holds the subjects' rows and stored a rating of their current revision. */
export async function clearRescoreDue(em: EntityManager, subjectIds: readonly string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  await em.query('DELETE FROM rescore_due WHERE subject_id IN (?)', [subjectIds]);
}

/** Subjects marked due before `cutoff`, oldest mark first: their job was lost (see OutboxRelay.sweepOnce). */
export async function subjectsDueBefore(em: EntityManager, cutoff: Date, limit: number): Promise<string[]> {
  const rows: { subject_id: string | number }[] = await em.query(
    'SELECT subject_id FROM rescore_due WHERE since < ? ORDER BY since LIMIT ?',
    [cutoff, limit],
  );
  return rows.map((r) => String(r.subject_id));
}

/** Whether a subject is marked due now (an event arrived after its last stored rating). */
export async function isRescoreDue(em: EntityManager, subjectId: string): Promise<boolean> {
  const rows: unknown[] = await em.query('SELECT 1 FROM rescore_due WHERE subject_id = ?', [subjectId]);
  return rows.length > 0;
}
