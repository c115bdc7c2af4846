import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RatingValues } from './rating-values';

/**
 * Every change of a rating, from `computed_at` on: what the service said at each moment (`ratings(knownAt:)`)
 * and the `ratingChanges` feed, which pages on `seq`: a position of the rating-changes stream, handed out in
 * commit order without gaps (claimStreamPositions), unlike `id`, which is taken at insert time.
 */
@Entity('rating_history')
@Index('ix_rating_history_subject', ['subjectId', 'computedAt'])
@Index('uq_rating_history_seq', ['seq'], { unique: true })
export class RatingHistory extends RatingValues {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'bigint', unsigned: true })
  seq!: string;

  @Column({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;
}
