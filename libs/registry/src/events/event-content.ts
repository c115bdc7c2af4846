import { bigintNumber } from '@app/common/orm';
import { AssessmentResult, EventStatus, EventType, InspectionKind, Responsibility } from '@app/credit';
import { Column } from 'typeorm';
import { decimalNumber } from '@app/common/orm';

/**
 * The fields of one version of an event (domain.md §2), shared by the current row (`events`) and the
 * superseded versions (`event_history`), so the two tables cannot drift apart.
 */
export abstract class EventContent {
  @Column({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: EventType;

  @Column({ type: 'varchar', length: 16 })
  status!: EventStatus;

  @Column({ name: 'legal_basis', type: 'varchar', length: 128, nullable: true })
  legalBasis!: string | null;

  @Column({ name: 'decision_no', type: 'varchar', length: 128, nullable: true })
  decisionNo!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  authority!: string | null;

  @Column({ name: 'region_code', type: 'char', length: 6, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ name: 'amount_involved_fen', type: 'bigint', nullable: true, transformer: bigintNumber })
  amountInvolvedFen!: number | null;

  @Column({ name: 'fine_fen', type: 'bigint', nullable: true, transformer: bigintNumber })
  fineFen!: number | null;

  /** A multiple of the loss (1–2 or 2–5), not money: three decimals are more than any decision uses. */
  @Column({ name: 'fine_multiple', type: 'decimal', precision: 6, scale: 3, nullable: true, transformer: decimalNumber })
  fineMultiple!: number | null;

  @Column({ name: 'suspension_days', type: 'smallint', unsigned: true, nullable: true })
  suspensionDays!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  responsibility!: Responsibility | null;

  @Column({ name: 'self_reported', type: 'boolean', default: false })
  selfReported!: boolean;

  @Column({ name: 'inspection_kind', type: 'varchar', length: 16, nullable: true })
  inspectionKind!: InspectionKind | null;

  @Column({ name: 'assessment_result', type: 'varchar', length: 16, nullable: true })
  assessmentResult!: AssessmentResult | null;

  /** Why this version exists: null for the first, the regulator's reason for an amendment or revocation. */
  @Column({ name: 'change_reason', type: 'varchar', length: 500, nullable: true })
  changeReason!: string | null;

  /** Who wrote this version (`apikey:<id>`, `cli:<user>`), as in the audit log. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 100 })
  recordedBy!: string;

  /** When this version was written. */
  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt!: Date;
}
