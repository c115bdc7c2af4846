import { compareIds } from '@app/credit';
import { multiRowInsert } from '@app/database';
import { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/** What the registry announces. The rating side (the worker's relay) consumes it; the registry knows no reader. */
export const OUTBOX_TOPICS = { subjectChanged: 'subject-changed' } as const;

/**
 * Announces that subjects changed (registered, or their events recorded, amended or revoked), inside the
 * caller's transaction: one outbox message per subject, committed exactly when the change is. When events
 * changed it also bumps each subject's event revision, the registry's change counter, which tells a reader
 * that started earlier that it read a stale set of events.
 */
export async function announceSubjectChanges(em: EntityManager, subjectIds: Iterable<string>, at: Date, eventsChanged = true): Promise<void> {
  const ids = [...new Set(subjectIds)].sort(compareIds); // numeric: the order InnoDB locks the rows in
  if (ids.length === 0) return;
  await multiRowInsert(
    em,
    OutboxMessage,
    ids.map((subjectId) => ({ topic: OUTBOX_TOPICS.subjectChanged, subjectId, createdAt: at, deliveredAt: null })),
  );
  if (eventsChanged) await em.query('UPDATE subjects SET event_revision = event_revision + 1 WHERE id IN (?)', [ids]);
}
