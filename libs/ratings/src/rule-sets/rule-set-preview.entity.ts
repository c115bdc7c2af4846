import { SubjectType } from '@app/credit';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RuleSetPreviewStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** One change a preview found, as it is stored and served (GraphQL `GradeChangePreview`). */
export interface StoredGradeChange {
  subjectId: string;
  creditCode: string | null;
  fromGrade: string;
  toGrade: string;
  fromScore: number;
  toScore: number;
}

/**
 * A rule-set preview too large to answer inside the request (more subjects of the type than
 * RULE_SET_PREVIEW_INLINE_MAX): the API stores the candidate here with an outbox message in one transaction, the
 * worker compares the subjects in keyset chunks and checkpoints counts and the bounded list of changes here after
 * every chunk (a retried job resumes after `lastSubjectId`), and the caller polls `ruleSetPreview(id)`.
 * Working state, not a business record: the candidate is not a published rule set.
 */
@Entity('rule_set_previews')
export class RuleSetPreviewRecord {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: RuleSetPreviewStatus;

  @Column({ name: 'subject_type', type: 'varchar', length: 24 })
  subjectType!: SubjectType;

  @Column({ type: 'int', unsigned: true })
  version!: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** The candidate rule set as given (validated before it was stored). */
  @Column({ name: 'rule_set', type: 'json' })
  ruleSet!: Record<string, unknown>;

  /** How many changes the list keeps (the caller's `first`, at most RULE_SET_PREVIEW_LIST_MAX). */
  @Column({ name: 'list_at_most', type: 'int', unsigned: true })
  listAtMost!: number;

  /** Subjects of the type when the preview was asked for (progress: subjectsCompared of subjectsTotal). */
  @Column({ name: 'subjects_total', type: 'int', unsigned: true })
  subjectsTotal!: number;

  @Column({ name: 'subjects_compared', type: 'int', unsigned: true, default: 0 })
  subjectsCompared!: number;

  @Column({ name: 'grade_changes', type: 'int', unsigned: true, default: 0 })
  gradeChanges!: number;

  /** The first `listAtMost` changes in subject order; `gradeChanges` counts them all. */
  @Column({ type: 'json' })
  changes!: StoredGradeChange[];

  /** Keyset checkpoint: every subject up to this id has been compared. */
  @Column({ name: 'last_subject_id', type: 'bigint', unsigned: true, default: 0 })
  lastSubjectId!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 100 })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt!: Date;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
