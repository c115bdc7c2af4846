import { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/**
 * `rescore`: subject_id is the subject to rescore. `rule-set-preview`: subject_id holds the id of a queued
 * rule_set_previews row (libs/ratings), the one message that names something other than a subject.
 */
export const OUTBOX_TOPICS = { rescore: 'rescore', ruleSetPreview: 'rule-set-preview' } as const;

/**
 * Writes one rescore message per subject, inside the caller's transaction: the message commits exactly when
 * the events it announces do. Also bumps each subject's event revision, which tells a rescore that started
 * earlier that it read a stale set of events, and marks the subject due: the mark stays until a rating of
 * this revision is stored, so a rescore job that BullMQ dropped (its id was still active) is found again by
 * the worker's sweep.
 */
export async function announceRescore(em: EntityManager, subjectIds: Iterable<string>, at: Date): Promise<void> {
  const ids = [...new Set(subjectIds)].sort();
  if (ids.length === 0) return;
  await em
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values(ids.map((subjectId) => ({ topic: OUTBOX_TOPICS.rescore, subjectId, createdAt: at, deliveredAt: null })))
    .updateEntity(false)
    .execute();
  await em.query(`UPDATE subjects SET event_revision = event_revision + 1, rescore_due_since = COALESCE(rescore_due_since, ?) WHERE id IN (?)`, [
    at,
    ids,
  ]);
}
