import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox: written in the same transaction as the change it announces, so a message exists
 * exactly when the change committed, whether or not Redis is up. The worker's relay moves undelivered rows to
 * BullMQ and stamps them delivered.
 */
@Entity('outbox')
@Index('ix_outbox_pending', ['deliveredAt', 'id'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** What the message asks for; today only `rescore`. */
  @Column({ type: 'varchar', length: 32 })
  topic!: string;

  @Column({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt!: Date | null;
}
