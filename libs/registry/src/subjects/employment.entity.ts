import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A practitioner's employment at an institution over time: their record follows them across institutions
 * and regions (一医一档, domain.md §1). The open employment has no end date.
 */
@Entity('employments')
@Index('ix_employments_practitioner', ['practitionerId', 'fromDate'])
@Index('ix_employments_institution', ['institutionId'])
export class Employment {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'practitioner_id', type: 'bigint', unsigned: true })
  practitionerId!: string;

  @Column({ name: 'institution_id', type: 'bigint', unsigned: true })
  institutionId!: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  /** Inclusive; null while employed. */
  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate!: string | null;
}
