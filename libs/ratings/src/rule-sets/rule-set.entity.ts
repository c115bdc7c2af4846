import { SubjectType } from '@app/credit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A published rule-set version (domain.md preamble: every default is configuration data). Versions are
 * immutable once stored: a region changes a number by publishing the next version with an effective date.
 */
@Entity('rule_sets')
@Index('uq_rule_sets_version', ['subjectType', 'version'], { unique: true })
export class RuleSetRecord {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 24 })
  subjectType!: SubjectType;

  @Column({ type: 'int', unsigned: true })
  version!: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** The whole rule set as libs/credit reads it (checked by validateRuleSet before it is stored). */
  @Column({ type: 'json' })
  body!: Record<string, unknown>;

  @Column({ name: 'published_at', type: 'datetime', precision: 3 })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'varchar', length: 100 })
  publishedBy!: string;
}
