import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum RepairStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/**
 * A credit-repair application (信用修复, 发改委令第36号) for one list entry, recorded by a regulator. The
 * conditions are re-checked when it is decided; the decision is due within 15 working days.
 */
@Entity('credit_repair_applications')
@Index('ix_credit_repair_status_deadline', ['status', 'decisionDeadline'])
@Index('ix_credit_repair_entry', ['entryRowId'])
export class RepairApplication {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'entry_row_id', type: 'bigint', unsigned: true })
  entryRowId!: string;

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn!: string;

  @Column({ name: 'penalty_performed', type: 'boolean' })
  penaltyPerformed!: boolean;

  @Column({ name: 'money_returned', type: 'boolean' })
  moneyReturned!: boolean;

  @Column({ name: 'public_commitment', type: 'boolean' })
  publicCommitment!: boolean;

  @Column({ name: 'decision_deadline', type: 'date' })
  decisionDeadline!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RepairStatus;

  @Column({ name: 'decision_reason', type: 'varchar', length: 500, nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 100 })
  recordedBy!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
