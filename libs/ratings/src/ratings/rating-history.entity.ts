import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RatingValues } from './rating-values';

/**
 * Every change of score, grade or status, from `computed_at` on: `ratings(asOf:)` reads the last row computed
 * on or before the end of that day, i.e. the rating as things stood then.
 */
@Entity('rating_history')
@Index('ix_rating_history_subject', ['subjectId', 'computedAt'])
export class RatingHistory extends RatingValues {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;
}
