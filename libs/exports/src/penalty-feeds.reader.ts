import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { ExportDateFormat, PenaltyExportRecord } from '@app/credit';
import { retryingTransaction, STREAMS } from '@app/database';
import { checkChangesLimit, checkPosition, DEFAULT_CHANGES_LIMIT, Stamp, StampedFeed, StampedSnapshots } from '@app/lists';
import { ResidentIdCipher } from '@app/registry';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PenaltyExportOp } from './penalty-export-change.entity';
import { parseJson, PenaltyLine, presentLine } from './penalty-line';

export interface PenaltyChange {
  seq: number;
  op: PenaltyExportOp;
  /** On a WITHDRAW: REVOKED, REPAIRED, EXPIRED or CHANGED (BZ says it in words). */
  withdrawalReason: string | null;
  record: PenaltyLine;
  /** The audit chain's head when the change was made. */
  auditHead: { seq: string; hash: string };
}

export interface PenaltyChangesPage {
  changes: PenaltyChange[];
  /** The highest seq the page includes (`since` when it is empty): the `X-List-Seq` header. */
  lastSeq: number;
}

/**
 * The penalty export's two feeds (api-contract.md: "stamped and paged like the list feeds"): the snapshot of
 * ACTIVE records in recordId order through the shared StampedSnapshots, and changes since a seq. Records are
 * presented on the way out (the deployment's date format; with the G2G share on, the clear resident ID, each
 * such export written to the audit log first, so an export that cannot be audited is not made).
 */
@Injectable()
export class PenaltyFeedsReader {
  private readonly dateFormat: ExportDateFormat;
  private readonly g2g: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: StampedSnapshots,
    private readonly audit: AuditService,
    private readonly cipher: ResidentIdCipher,
    config: AppConfig,
  ) {
    this.dateFormat = config.penaltyExport.dateFormat;
    this.g2g = config.penaltyExport.g2gFullResidentId;
  }

  /** Runs `use` with the stamp and the lines of one consistent view (call lines() at most once). */
  async snapshot<T>(actor: string, withBody: boolean, use: (stamp: Stamp, lines: () => AsyncGenerator<PenaltyLine>) => Promise<T>): Promise<T> {
    // Audited before the snapshot's transaction opens: no full ID leaves unaudited, and the audit head is never
    // locked (nor a second connection awaited) for the length of a download.
    if (this.g2g && withBody) await this.auditFullIds(actor, 'snapshot', 'snapshot', { requestedAt: new Date().toISOString() });
    return this.snapshots.read(this.feed(), use);
  }

  async changesSince(actor: string, since: number, limit = DEFAULT_CHANGES_LIMIT): Promise<PenaltyChangesPage> {
    checkPosition(since, 'since');
    checkChangesLimit(limit);
    const rows: { seq: string | number; op: PenaltyExportOp; record_id: string; withdrawal_reason: string | null; record: string | PenaltyExportRecord; audit_seq: string | number; audit_hash: string; resident_id_enc?: Buffer | null }[] =
      await this.dataSource.query(
        this.g2g
          ? `SELECT c.seq, c.op, c.record_id, c.withdrawal_reason, c.record, c.audit_seq, c.audit_hash, s.resident_id_enc
               FROM penalty_export_changes c JOIN penalty_exports p ON p.record_id = c.record_id JOIN subjects s ON s.id = p.subject_id
              WHERE c.seq > ? ORDER BY c.seq LIMIT ?`
          : 'SELECT seq, op, record_id, withdrawal_reason, record, audit_seq, audit_hash FROM penalty_export_changes WHERE seq > ? ORDER BY seq LIMIT ?',
        [since, limit],
      );
    const changes = rows.map((r) => ({
      seq: Number(r.seq),
      op: r.op,
      withdrawalReason: r.withdrawal_reason,
      record: presentLine(r.record_id, parseJson<PenaltyExportRecord>(r.record), { dateFormat: this.dateFormat, fullResidentId: this.fullId(r.resident_id_enc) }),
      auditHead: { seq: String(r.audit_seq), hash: r.audit_hash },
    }));
    const lastSeq = changes.length > 0 ? changes[changes.length - 1].seq : since;
    if (this.g2g && changes.length > 0) await this.auditFullIds(actor, 'changes', `changes:${since + 1}-${lastSeq}`, { since, lastSeq, rows: changes.length });
    return { changes, lastSeq };
  }

  /** One stored stamp per body variant: the date format and the G2G share change the bytes. */
  private feed(): StampedFeed<PenaltyLine> {
    const key = `penalties${this.dateFormat === 'YYYY/MM/DD' ? '/slash' : ''}${this.g2g ? '+g2g' : ''}`;
    return { stream: STREAMS.penalties, stampKey: key, page: (em, after, limit) => this.page(em, after, limit) };
  }

  private async page(em: EntityManager, after: string, limit: number): Promise<{ key: string; line: PenaltyLine }[]> {
    const rows: { record_id: string; record: string | PenaltyExportRecord; resident_id_enc?: Buffer | null }[] = await em.query(
      this.g2g
        ? `SELECT p.record_id, p.record, s.resident_id_enc FROM penalty_exports p JOIN subjects s ON s.id = p.subject_id
            WHERE p.status = 'ACTIVE' AND p.record_id > ? ORDER BY p.record_id LIMIT ?`
        : `SELECT record_id, record FROM penalty_exports WHERE status = 'ACTIVE' AND record_id > ? ORDER BY record_id LIMIT ?`,
      [after, limit],
    );
    return rows.map((r) => ({
      key: r.record_id,
      line: presentLine(r.record_id, parseJson<PenaltyExportRecord>(r.record), { dateFormat: this.dateFormat, fullResidentId: this.fullId(r.resident_id_enc) }),
    }));
  }

  private fullId(enc: Buffer | null | undefined): string | null {
    return this.g2g && enc ? this.cipher.decrypt(enc) : null;
  }

  private async auditFullIds(actor: string, kind: string, targetId: string, diff: Record<string, unknown>): Promise<void> {
    await retryingTransaction(this.dataSource, (em) =>
      this.audit.append(em, [{ actor, action: `exports.penalties.g2g.${kind}`, targetType: 'penalty_export', targetId, diff }]),
    );
  }
}
