import { ListKind, ListSeverity, SubjectType } from '@app/credit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where an entry is in its lifecycle (domain.md §5). Only ACTIVE entries are on the published list. */
export enum ListEntryStatus {
  /** Severe-list candidate: the subject has been notified and may object until `objectionDeadline`. */
  NOTIFIED = 'NOTIFIED',
  /** On the list: confirmed by a regulator (severe list) or entered automatically (the others). */
  ACTIVE = 'ACTIVE',
  /** A candidate that never went on the list (objection upheld, or its reason went away first). */
  DROPPED = 'DROPPED',
  /** Was on the list; `removalReason` says why it left. */
  REMOVED = 'REMOVED',
}

/** Why an entry left the list (domain.md §5 feed contract, plus the criteria of the automatic lists). */
export enum RemovalReason {
  EXPIRED = 'EXPIRED',
  REPAIRED = 'REPAIRED',
  REVOKED = 'REVOKED',
  CRITERIA_NO_LONGER_MET = 'CRITERIA_NO_LONGER_MET',
  OBJECTION_UPHELD = 'OBJECTION_UPHELD',
}

/**
 * One subject on one list for one reason. `entryId` is immutable and what consumers key on: a prefix per list
 * and the row id zero-padded, so that its text order is its numeric order (snapshots are ordered by entryId,
 * and a consumer sorting lines as text must get the same order). Identity fields are copied in when the entry
 * is made (masked ID and HMAC for persons, never the clear ID), so the feeds read one table.
 */
@Entity('list_entries')
@Index('ix_list_entries_list_status', ['list', 'status', 'entryId'])
@Index('ix_list_entries_subject', ['subjectId'])
@Index('uq_list_entries_open_key', ['openKey'], { unique: true })
@Index('uq_list_entries_entry_id', ['entryId'], { unique: true })
export class ListEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'entry_id', type: 'varchar', length: 24, nullable: true })
  entryId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  list!: ListKind;

  @Column({ name: 'subject_id', type: 'bigint', unsigned: true })
  subjectId!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 24 })
  subjectType!: SubjectType;

  /** Organisations: the credit code. Persons: the keyed HMAC of the resident ID (hex), for matching. */
  @Column({ name: 'subject_key', type: 'varchar', length: 64 })
  subjectKey!: string;

  /** Persons: first 6 + ******** + last 4. */
  @Column({ name: 'masked_id', type: 'char', length: 18, nullable: true })
  maskedId!: string | null;

  /** Organisations only (a person's name is personal data and stays out of the feeds). */
  @Column({ name: 'subject_name', type: 'varchar', length: 200, nullable: true })
  subjectName!: string | null;

  @Column({ name: 'reason_code', type: 'varchar', length: 48 })
  reasonCode!: string;

  @Column({ name: 'event_id', type: 'bigint', unsigned: true, nullable: true })
  eventId!: string | null;

  @Column({ name: 'legal_basis', type: 'varchar', length: 128, nullable: true })
  legalBasis!: string | null;

  @Column({ name: 'decision_no', type: 'varchar', length: 128, nullable: true })
  decisionNo!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  authority!: string | null;

  @Column({ type: 'varchar', length: 16 })
  severity!: ListSeverity;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** Inclusive last day of publication; null while open-ended (the automatic lists). */
  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ListEntryStatus;

  @Column({ name: 'notified_on', type: 'date', nullable: true })
  notifiedOn!: string | null;

  @Column({ name: 'objection_deadline', type: 'date', nullable: true })
  objectionDeadline!: string | null;

  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'confirmed_by', type: 'varchar', length: 100, nullable: true })
  confirmedBy!: string | null;

  @Column({ name: 'removed_at', type: 'datetime', precision: 3, nullable: true })
  removedAt!: Date | null;

  @Column({ name: 'removal_reason', type: 'varchar', length: 32, nullable: true })
  removalReason!: RemovalReason | null;

  /**
   * `list:subject:reason:event` while the entry is open (NOTIFIED or ACTIVE), null once closed: the unique
   * index makes a second open entry for the same reason impossible, whatever two writers race.
   */
  @Column({ name: 'open_key', type: 'varchar', length: 128, nullable: true })
  openKey!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
