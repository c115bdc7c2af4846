import { ListKind } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canonicalize } from '../feeds/canonical';
import { FEED_COLUMNS, toFeedEntry } from '../feeds/feed-entry';
import { ListEntryStatus } from '../entries/list-entry.entity';
import { LoggedChange, replayChangeLog } from './replay-change-log';

const CHUNK = 5000;

export interface ListProblem {
  /** STAMP_MISMATCH: a recorded snapshot stamp the change log no longer gives; AUDIT_MISMATCH: a change row that
   * disagrees with the audit row it names; SEQ_GAP: a position missing; ENTRY_MISMATCH: the log's head and the list disagree. */
  problem: 'STAMP_MISMATCH' | 'AUDIT_MISMATCH' | 'SEQ_GAP' | 'ENTRY_MISMATCH';
  /** The change (or stamp) position concerned. */
  seq: number | null;
  entryId: string | null;
  detail: string;
}

export interface ListVerification {
  list: ListKind;
  headSeq: number;
  entries: number;
  stampsChecked: number;
  problems: ListProblem[];
}

interface ChangeRow {
  seq: string | number;
  op: LoggedChange['op'];
  entry_id: string;
  removal_reason: string | null;
  entry: string | Record<string, unknown>;
  audit_seq: string | number;
  audit_hash: string;
}

/**
 * `lists:verify`: checks a list's change log against what was handed out and what it claims. Every recorded
 * snapshot stamp (list_snapshot_stamps: seq, row count, SHA-256) must come out again from replaying the log;
 * every change must agree with the hash-chained audit row it names (op, entry, removal reason: the audit chain
 * is what audit:verify proves); positions must have no gap; the replayed head must equal the list's entries.
 * An altered change row breaks at least one of these, and the problem names its position or the range it is in.
 */
@Injectable()
export class ListLogVerifier {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(list: ListKind): Promise<ListVerification> {
    const problems: ListProblem[] = [];
    const changes = await this.changes(list, problems);
    const stamps = (await this.dataSource.query('SELECT seq, row_count, sha256 FROM list_snapshot_stamps WHERE list = ? ORDER BY seq', [list])).map(
      (s: { seq: string; row_count: number; sha256: string }) => ({ seq: Number(s.seq), rowCount: Number(s.row_count), sha256: s.sha256 }),
    );
    const replay = replayChangeLog(changes, stamps);
    for (const b of replay.badStamps) {
      problems.push({
        problem: 'STAMP_MISMATCH',
        seq: b.seq,
        entryId: null,
        detail: `the stamp handed out at seq ${b.seq} (${b.rowCount} rows, sha256 ${b.sha256}) is not what the change log gives (${b.replayedRowCount} rows, sha256 ${b.replayedSha256}): a change with seq ${b.suspectSeqs.after + 1}..${b.suspectSeqs.upTo} was altered or removed`,
      });
    }
    const entries = await this.activeEntries(list);
    for (const id of new Set([...entries.keys(), ...replay.head.keys()])) {
      const logged = replay.head.get(id);
      if (logged?.line === entries.get(id)) continue;
      problems.push({
        problem: 'ENTRY_MISMATCH',
        seq: logged?.seq ?? null,
        entryId: id,
        detail: logged
          ? `entry ${id} as its last change (seq ${logged.seq}) states it differs from the list${entries.has(id) ? '' : ' (not on the list)'}`
          : `entry ${id} is on the list but no change in the log adds it`,
      });
    }
    return { list, headSeq: replay.headSeq, entries: entries.size, stampsChecked: replay.stampsChecked, problems };
  }

  /** The log in seq order, each change checked against its audit row and for gaps as it is read. */
  private async changes(list: ListKind, problems: ListProblem[]): Promise<LoggedChange[]> {
    const out: LoggedChange[] = [];
    for (let after = 0; ; ) {
      const rows: ChangeRow[] = await this.dataSource.query(
        'SELECT seq, op, entry_id, removal_reason, entry, audit_seq, audit_hash FROM list_changes WHERE list = ? AND seq > ? ORDER BY seq LIMIT ?',
        [list, after, CHUNK],
      );
      if (rows.length === 0) return out;
      const audits = await this.auditRows(rows.map((r) => String(r.audit_seq)));
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== after + 1) problems.push({ problem: 'SEQ_GAP', seq: after + 1, entryId: null, detail: `changes ${after + 1}..${seq - 1} are missing` });
        const entry = typeof r.entry === 'string' ? (JSON.parse(r.entry) as Record<string, unknown>) : r.entry;
        const disagreement = auditDisagreement(list, r, entry, audits.get(String(r.audit_seq)));
        if (disagreement) problems.push({ problem: 'AUDIT_MISMATCH', seq, entryId: r.entry_id, detail: `change seq ${seq} (entry ${r.entry_id}): ${disagreement}` });
        out.push({ seq, op: r.op, entryId: r.entry_id, entry });
        after = seq;
      }
    }
  }

  private async auditRows(seqs: string[]): Promise<Map<string, { hash: string; diff: unknown }>> {
    const rows: { seq: string; hash: string; diff: string | Record<string, unknown> }[] = await this.dataSource.query('SELECT seq, hash, diff FROM audit_log WHERE seq IN (?)', [
      [...new Set(seqs)],
    ]);
    return new Map(rows.map((r) => [String(r.seq), { hash: r.hash, diff: typeof r.diff === 'string' ? JSON.parse(r.diff) : r.diff }]));
  }

  private async activeEntries(list: ListKind): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let after = ''; ; ) {
      const rows: Parameters<typeof toFeedEntry>[0][] = await this.dataSource.query(
        `SELECT ${FEED_COLUMNS} FROM list_entries WHERE list = ? AND status = ? AND entry_id > ? ORDER BY entry_id LIMIT ?`,
        [list, ListEntryStatus.ACTIVE, after, CHUNK],
      );
      if (rows.length === 0) return out;
      for (const r of rows) out.set(r.entryId!, `${canonicalize(toFeedEntry(r))}\n`);
      after = rows[rows.length - 1].entryId!;
    }
  }
}

/** Why a change row disagrees with the audit row it names (appendListChanges writes both in one transaction), or null. */
function auditDisagreement(list: ListKind, r: ChangeRow, entry: Record<string, unknown>, audit: { hash: string; diff: unknown } | undefined): string | null {
  if (!audit) return `its audit row ${r.audit_seq} does not exist`;
  if (audit.hash !== r.audit_hash) return `its audit hash is not the hash of audit row ${r.audit_seq}`;
  if (entry.entryId !== r.entry_id || entry.list !== list) return 'the entry it carries is another entry';
  const listed = (audit.diff as { changes?: { op: string; list: string; entryId: string; removalReason: string | null }[] })?.changes ?? [];
  const match = listed.some((c) => c.op === r.op && c.list === list && c.entryId === r.entry_id && (c.removalReason ?? null) === (r.removal_reason ?? null));
  return match ? null : `audit row ${r.audit_seq} records no ${r.op} of this entry${r.removal_reason ? ` (${r.removal_reason})` : ''}`;
}
