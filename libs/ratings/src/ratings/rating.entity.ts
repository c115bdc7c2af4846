import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RatingValues } from './rating-values';

/** A subject's current rating: one row per subject that has been rated. */
@Entity('ratings')
export class Rating extends RatingValues {
  @PrimaryColumn({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;

  /** The subject's event revision this rating reflects (subjects.event_revision when it was computed). */
  @Column({ name: 'event_revision', type: 'int', unsigned: true })
  eventRevision!: number;
}
