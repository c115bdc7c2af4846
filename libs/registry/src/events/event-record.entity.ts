import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EventContent } from './event-content';

/** Idempotency keys are compared exactly: no case, width or accent folding. */
const SOURCE_KEY_COLLATION = 'utf8mb4_bin';

/**
 * An event as it stands now: its current version. Earlier versions live in `event_history`; nothing is ever
 * deleted (a trigger refuses it). The unique source key makes a replayed or concurrently repeated event one row.
 * Its two columns are binary (utf8mb4_bin): the key is compared byte for byte, so "REF-1", "ref-1" and the
 * fullwidth "ＲＥＦ-1" are three case files, as the source systems mean them, not one under a folding collation.
 */
@Entity('events')
@Index('uq_events_source', ['sourceSystem', 'sourceRef'], { unique: true })
@Index('ix_events_subject', ['subjectId', 'decidedOn'])
// A subject's events of one type (its police referrals, its fraud penalties): the disclosure job asks this for
// most of a month's penalty decisions, and through ix_events_subject it read every event of the subject.
@Index('ix_events_subject_type', ['subjectId', 'type'])
export class EventRecord extends EventContent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** 1 for the first submission, +1 for each amendment or revocation. */
  @Column({ type: 'smallint', unsigned: true })
  version!: number;

  @Column({ name: 'source_system', type: 'varchar', length: 64, collation: SOURCE_KEY_COLLATION })
  sourceSystem!: string;

  @Column({ name: 'source_ref', type: 'varchar', length: 128, collation: SOURCE_KEY_COLLATION })
  sourceRef!: string;

  /**
   * SHA-256 of the first submission (normalised, subject resolved to its id): a resend with the same hash is
   * a duplicate, one with another hash a CONFLICT.
   */
  @Column({ name: 'input_hash', type: 'char', length: 64 })
  inputHash!: string;

  @Column({ name: 'first_recorded_at', type: 'datetime', precision: 3 })
  firstRecordedAt!: Date;
}
