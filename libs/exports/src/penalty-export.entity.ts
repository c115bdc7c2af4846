import { ExportWithdrawalReason, PenaltyExportRecord } from '@app/credit';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum PenaltyExportStatus {
  /** In the export (the snapshot shows it). */
  ACTIVE = 'ACTIVE',
  /** Taken down; `withdrawalReason` says why. REVOKED, REPAIRED and EXPIRED are final; CHANGED can come back. */
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * One decision's state in the national-platform export (exports.md): its current 双公示 record (dates ISO,
 * the ID masked; the deployment's date format and the G2G share are applied on the way out). `recordId`
 * ('PE' + the event id, zero-padded) is immutable and orders the snapshot; CF_WSH is the business key.
 */
@Entity('penalty_exports')
@Index('uq_penalty_exports_record_id', ['recordId'], { unique: true })
@Index('ix_penalty_exports_status', ['status', 'recordId'])
@Index('ix_penalty_exports_subject', ['subjectId'])
@Index('ix_penalty_exports_publication_end', ['status', 'publicationEnd'])
export class PenaltyExport {
  @PrimaryColumn({ name: 'event_id', type: 'bigint', unsigned: true })
  eventId!: string;

  @Column({ name: 'record_id', type: 'varchar', length: 16 })
  recordId!: string;

  @Column({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: PenaltyExportStatus;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 16, nullable: true })
  withdrawalReason!: ExportWithdrawalReason | null;

  /** CF_GSJZQ: the last day of publication (the daily job withdraws the day after). Null for a row never exported. */
  @Column({ name: 'publication_end', type: 'date', nullable: true })
  publicationEnd!: string | null;

  /** The record as last exported (with BZ once withdrawn); null for a row that was never exported. */
  @Column({ type: 'json', nullable: true })
  record!: PenaltyExportRecord | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
