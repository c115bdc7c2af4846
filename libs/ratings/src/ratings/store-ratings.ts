import { EntityManager } from 'typeorm';
import { clearRescoreDue } from './rescore-due';
import { RatingChange, writeRatings } from './rating-writer';
import { subjectRowsByIds } from './subject-rows.reader';

export interface StoredRatings {
  /** The ratings stored: those computed from the subject's current event revision. */
  stored: RatingChange[];
  /** How many of them changed something a reader acts on. */
  changed: number;
}

/**
 * The one write step of the incremental and the full rescore, inside the caller's transaction: lock the
 * subjects' rows, keep the ratings computed from their current event revision (an event recorded meanwhile
 * bumped it, and must not be missed: that subject is rated again), clear their due marks and write them.
 * The lock is what makes the check hold: an event's transaction updates the same row.
 */
export async function storeCurrentRatings(em: EntityManager, changes: readonly RatingChange[], now: Date): Promise<StoredRatings> {
  if (changes.length === 0) return { stored: [], changed: 0 };
  const rows = await subjectRowsByIds(em, changes.map((c) => c.subjectId), true);
  const revision = new Map(rows.map((r) => [String(r.id), Number(r.event_revision)]));
  const stored = changes.filter((c) => revision.get(c.subjectId) === c.eventRevision);
  await clearRescoreDue(em, stored.map((c) => c.subjectId));
  // Last: writeRatings claims the change feed's positions, which serialises writers until commit.
  const changed = await writeRatings(em, stored, now);
  return { stored, changed };
}
