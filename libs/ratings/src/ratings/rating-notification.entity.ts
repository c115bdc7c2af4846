import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A grade (or practitioner status) change, to be notified to the subject with the events behind it (domain.md §2). */
@Entity('rating_notifications')
@Index('ix_rating_notifications_subject', ['subjectId', 'id'])
export class RatingNotification {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;

  @Column({ name: 'from_value', type: 'varchar', length: 16, nullable: true })
  fromValue!: string | null;

  @Column({ name: 'to_value', type: 'varchar', length: 16 })
  toValue!: string;

  /** The events that count in the new rating. */
  @Column({ name: 'event_ids', type: 'json' })
  eventIds!: string[];

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
