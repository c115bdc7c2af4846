import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum ObjectionStatus {
  PENDING = 'PENDING',
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
}

/** A subject's objection (异议) to a severe-list candidacy, received within the objection period. */
@Entity('list_objections')
@Index('ix_list_objections_entry', ['entryRowId'])
export class ListObjection {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'entry_row_id', type: 'bigint', unsigned: true })
  entryRowId!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  /** The regulator's summary of the objection (internal: never in a feed). */
  @Column({ type: 'varchar', length: 1000 })
  summary!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ObjectionStatus;

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
