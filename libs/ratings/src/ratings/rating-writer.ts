import { claimStreamPositions, STREAMS } from '@app/database';
import { EntityManager } from 'typeorm';
import { differs, headline, RatingOutcome } from './rating-outcome';
import { outcomeFromRow, RatingRow } from './rating-row';

export interface RatingChange {
  subjectId: string;
  eventRevision: number;
  outcome: RatingOutcome;
  /** The subject's clean-record grade or status: what readers saw before its first rating (notified from). */
  cleanHeadline: string;
}

interface StoredRow extends RatingRow {
  subject_id: string | number;
}

const VALUE_COLUMNS = [
  'subject_type',
  'score',
  'grade',
  'status',
  'inspection_factor',
  'key_supervision',
  'deposit_retention',
  'termination_recommended',
  'not_rated',
  'investigation_hold',
  'settlement_suspended_until',
  'rule_set_version',
  'explanation',
  'computed_at',
];

/**
 * Writes ratings in bulk inside the caller's transaction: the current rating of every subject given, a history
 * row for each whose rating changed (or is new), and a notification for each whose grade or status changed
 * (a first rating only when it differs from the clean record's). Multi-row statements, raw values: the full
 * rescore writes thousands at a time. Returns how many ratings changed.
 *
 * The history rows are the `ratingChanges` feed. They are written last, with positions of the rating-changes
 * stream claimed just before (claimStreamPositions: commit order, no gaps), so the lock that orders writers
 * is held only for that insert and the commit: the caller should do little or nothing after this call.
 */
export async function writeRatings(
  em: EntityManager,
  changes: RatingChange[],
  now: Date,
): Promise<number> {
  if (changes.length === 0) return 0;
  const ids = changes.map((c) => c.subjectId);
  const stored: StoredRow[] = await em.query(
    `SELECT subject_id, subject_type AS type, score, grade, status, inspection_factor, key_supervision, deposit_retention,
            termination_recommended, not_rated, investigation_hold, settlement_suspended_until, rule_set_version
       FROM ratings WHERE subject_id IN (?) FOR UPDATE`,
    [ids],
  );
  const previous = new Map(stored.map((r) => [String(r.subject_id), outcomeFromRow(r)]));
  const changed = changes.filter((c) => !previous.has(c.subjectId) || differs(previous.get(c.subjectId)!, c.outcome));
  await em.query(
    `INSERT INTO ratings (subject_id, event_revision, ${VALUE_COLUMNS.join(', ')}) VALUES ?
       ON DUPLICATE KEY UPDATE event_revision = VALUES(event_revision), ${VALUE_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ')}`,
    [changes.map((c) => [c.subjectId, c.eventRevision, ...values(c.outcome, now)])],
  );
  const notices = changes.flatMap((c) => {
    const before = previous.get(c.subjectId);
    const from = before ? headline(before) : c.cleanHeadline;
    const to = headline(c.outcome);
    if (from === to) return [];
    return [[c.subjectId, before ? from : null, to, JSON.stringify(c.outcome.explanation.map((l) => l.eventId)), now]];
  });
  if (notices.length > 0) {
    await em.query('INSERT INTO rating_notifications (subject_id, from_value, to_value, event_ids, created_at) VALUES ?', [notices]);
  }
  if (changed.length > 0) {
    const first = await claimStreamPositions(em, STREAMS.ratingChanges, changed.length);
    await em.query(`INSERT INTO rating_history (seq, subject_id, ${VALUE_COLUMNS.join(', ')}) VALUES ?`, [
      changed.map((c, i) => [first + i, c.subjectId, ...values(c.outcome, now)]),
    ]);
  }
  return changed.length;
}

function values(o: RatingOutcome, now: Date): unknown[] {
  return [
    o.subjectType,
    o.score,
    o.grade,
    o.status,
    o.inspectionFactor,
    o.keySupervision,
    o.depositRetention,
    o.terminationRecommended,
    o.notRated,
    o.investigationHold,
    o.settlementSuspendedUntil,
    o.ruleSetVersion,
    JSON.stringify(o.explanation),
    now,
  ];
}
