import { ExplanationLine, Grade, PractitionerStatus, SubjectType } from '@app/credit';
import { Column } from 'typeorm';
import { decimalNumber } from '@app/common/orm';

/**
 * What a rating says, shared by the current rating and its history (so the two cannot drift apart).
 * Institutions and pharmacies: score 0–1000, grade, flags. Insured persons: score 0–100 and grade.
 * Practitioners: score = this year's points, status instead of a grade.
 */
export abstract class RatingValues {
  @Column({ name: 'subject_type', type: 'varchar', length: 24 })
  subjectType!: SubjectType;

  @Column({ type: 'int' })
  score!: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  grade!: Grade | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  status!: PractitionerStatus | null;

  @Column({ name: 'inspection_factor', type: 'decimal', precision: 3, scale: 1, nullable: true, transformer: decimalNumber })
  inspectionFactor!: number | null;

  @Column({ name: 'key_supervision', type: 'boolean', default: false })
  keySupervision!: boolean;

  @Column({ name: 'deposit_retention', type: 'boolean', default: false })
  depositRetention!: boolean;

  @Column({ name: 'termination_recommended', type: 'boolean', default: false })
  terminationRecommended!: boolean;

  @Column({ name: 'not_rated', type: 'boolean', default: false })
  notRated!: boolean;

  /** Institutions and pharmacies: an Art.30 investigation hold is open (domain.md §2: "shown as a flag"). */
  @Column({ name: 'investigation_hold', type: 'boolean', default: false })
  investigationHold!: boolean;

  /** Insured persons: direct settlement (联网结算) suspended through this day, inclusive (条例 Art.41). */
  @Column({ name: 'settlement_suspended_until', type: 'date', nullable: true })
  settlementSuspendedUntil!: string | null;

  @Column({ name: 'rule_set_version', type: 'int', unsigned: true })
  ruleSetVersion!: number;

  /** Each counting event's points and the last day it counts (libs/credit ExplanationLine). */
  @Column({ type: 'json' })
  explanation!: ExplanationLine[];

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt!: Date;
}
