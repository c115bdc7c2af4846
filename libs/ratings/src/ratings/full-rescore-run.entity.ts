import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One full rescore (nightly, or `rescore --all`): its checkpoint commits with each chunk's ratings, so a run
 * killed mid-way resumes after the last committed subject and ends with the same ratings as a clean run.
 */
@Entity('full_rescore_runs')
@Index('ix_full_rescore_runs_open', ['finishedAt'])
export class FullRescoreRun {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** The date (Asia/Shanghai) the run rates as of: deductions that expired by then no longer count. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt!: Date;

  /** Subjects are taken in id order; every subject up to this id is done. */
  @Column({ name: 'last_subject_id', type: 'bigint', unsigned: true, default: 0 })
  lastSubjectId!: string;

  @Column({ name: 'subjects_done', type: 'int', unsigned: true, default: 0 })
  subjectsDone!: number;

  @Column({ name: 'ratings_changed', type: 'int', unsigned: true, default: 0 })
  ratingsChanged!: number;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
