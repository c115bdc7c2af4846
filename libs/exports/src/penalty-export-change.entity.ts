import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum PenaltyExportOp {
  ADD = 'ADD',
  MODIFY = 'MODIFY',
  WITHDRAW = 'WITHDRAW',
}

/**
 * The export's change log: each change carries the whole record as it now stands (BZ = the reason on a
 * WITHDRAW), at a gap-free `seq` in commit order (claimStreamPositions on STREAMS.penalties), with the
 * audit-chain head it was made at. Append-only (a trigger refuses UPDATE and DELETE).
 */
@Entity('penalty_export_changes')
@Index('uq_penalty_export_changes_seq', ['seq'], { unique: true })
export class PenaltyExportChange {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'bigint', unsigned: true })
  seq!: string;

  @Column({ type: 'varchar', length: 8 })
  op!: PenaltyExportOp;

  @Column({ name: 'record_id', type: 'varchar', length: 16 })
  recordId!: string;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 16, nullable: true })
  withdrawalReason!: string | null;

  /** The record after the change (dates ISO, ID masked). */
  @Column({ type: 'json' })
  record!: Record<string, string>;

  @Column({ name: 'audit_seq', type: 'bigint', unsigned: true })
  auditSeq!: string;

  @Column({ name: 'audit_hash', type: 'char', length: 64 })
  auditHash!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
