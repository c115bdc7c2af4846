import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Subjects whose rating is due: marked when the worker takes the registry's change announcement from the
 * outbox, cleared when a rating of the subject's latest event revision is stored. Ratings' own bookkeeping,
 * apart from the registry's tables (data flows one way: the registry never writes here).
 */
@Entity('rescore_due')
@Index('ix_rescore_due_since', ['since'])
export class RescoreDue {
  @PrimaryColumn({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;

  @Column({ type: 'datetime', precision: 3 })
  since!: Date;
}
