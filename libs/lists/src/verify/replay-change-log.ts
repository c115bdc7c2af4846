import { createHash } from 'node:crypto';
import { canonicalize } from '../feeds/canonical';

/** One row of a list's change log, as stored. */
export interface LoggedChange {
  seq: number;
  op: 'ADD' | 'MODIFY' | 'REMOVE';
  entryId: string;
  /** The whole entry after the change (the feed entry). */
  entry: Record<string, unknown>;
}

/** A snapshot stamp recorded when a consumer first read that position (list_snapshot_stamps). */
export interface RecordedStamp {
  seq: number;
  rowCount: number;
  sha256: string;
}

export interface StampCheck extends RecordedStamp {
  /** What the change log gives at that position. */
  replayedRowCount: number;
  replayedSha256: string;
  /** The changes between the last stamp that still matches and this one: where an altered row must be. */
  suspectSeqs: { after: number; upTo: number };
}

export interface Replay {
  /** Each recorded stamp the change log no longer reproduces. */
  badStamps: StampCheck[];
  stampsChecked: number;
  /** The list at the log's last position: entry id → its canonical line and the seq of its last change. */
  head: Map<string, { line: string; seq: number }>;
  headSeq: number;
}

/**
 * Replays a list's change log (snapshot(s1) + changes(s1..s2) = snapshot(s2), from the empty list at seq 0) and
 * recomputes the snapshot stamp (row count, SHA-256 of the canonical NDJSON lines in entryId order) at every
 * position a stamp was recorded for. A stamp the log no longer gives means a change row up to that position was
 * altered (or removed) after the stamp was handed out. `changes` must be in seq order.
 */
export function replayChangeLog(changes: Iterable<LoggedChange>, stamps: readonly RecordedStamp[]): Replay {
  const head = new Map<string, { line: string; seq: number }>();
  const pending = [...stamps].sort((a, b) => a.seq - b.seq);
  const badStamps: StampCheck[] = [];
  let lastGood = 0;
  let headSeq = 0;
  let i = 0;
  const checkUpTo = (seq: number) => {
    for (; i < pending.length && pending[i].seq <= seq; i++) {
      const replayed = stampOf(head);
      const stamp = pending[i];
      if (replayed.rowCount === stamp.rowCount && replayed.sha256 === stamp.sha256) lastGood = stamp.seq;
      else badStamps.push({ ...stamp, replayedRowCount: replayed.rowCount, replayedSha256: replayed.sha256, suspectSeqs: { after: lastGood, upTo: stamp.seq } });
    }
  };
  for (const change of changes) {
    checkUpTo(change.seq - 1);
    if (change.op === 'REMOVE') head.delete(change.entryId);
    else head.set(change.entryId, { line: `${canonicalize(change.entry)}\n`, seq: change.seq });
    headSeq = change.seq;
  }
  checkUpTo(Number.MAX_SAFE_INTEGER);
  return { badStamps, stampsChecked: pending.length, head, headSeq };
}

/** The stamp of a set of entries: canonical lines in entryId (text) order, as the snapshot streams them. */
export function stampOf(entries: ReadonlyMap<string, { line: string }>): { rowCount: number; sha256: string } {
  const hash = createHash('sha256');
  const ids = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) hash.update(entries.get(id)!.line, 'utf8');
  return { rowCount: ids.length, sha256: hash.digest('hex') };
}
