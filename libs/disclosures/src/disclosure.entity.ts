import { DisclosureContent, DisclosureKind, DisclosureStatus } from '@app/credit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { COMPRESSED_CONTENT } from './compressed-content';

/**
 * One version of one disclosure (kind, period, region): its content is immutable once stored (hash = SHA-256
 * of the RFC 8785 form, which is what is stored, compressed); only the status moves DRAFT → PUBLISHED →
 * SUPERSEDED / WITHDRAWN. `publishedKey` is set while PUBLISHED only, and unique: the database itself keeps one published version per kind, period and region.
 * `stateRev` grows on every change a reader can see (publish, supersede, withdrawal of the whole or of an
 * item): the public cache's key includes it, so every API replica sees a change on its next request.
 */
@Entity('disclosures')
@Index('uq_disclosures_version', ['kind', 'period', 'regionCode', 'version'], { unique: true })
@Index('uq_disclosures_published_key', ['publishedKey'], { unique: true })
@Index('ix_disclosures_status_published', ['status', 'publishedAt', 'id'])
export class Disclosure {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: DisclosureKind;

  @Column({ type: 'varchar', length: 8 })
  period!: string;

  /** '' for every region. */
  @Column({ name: 'region_code', type: 'varchar', length: 6, default: '' })
  regionCode!: string;

  @Column({ type: 'int', unsigned: true })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: DisclosureStatus;

  /** Compressed (MariaDB's COMPRESS() format) canonical JSON: see compressed-content.ts. */
  @Column({ type: 'longblob', transformer: COMPRESSED_CONTENT })
  content!: DisclosureContent;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  /** The audit chain's head (`seq:hash`) when the snapshot was taken. */
  @Column({ name: 'audit_head', type: 'varchar', length: 90 })
  auditHead!: string;

  @Column({ name: 'item_count', type: 'int', unsigned: true })
  itemCount!: number;

  /** The last item's publication end: after it the disclosure leaves the public view. */
  @Column({ name: 'publication_end', type: 'date' })
  publicationEnd!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_key', type: 'varchar', length: 64, nullable: true })
  publishedKey!: string | null;

  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 500, nullable: true })
  withdrawalReason!: string | null;

  /** Set when this version superseded a published one (更正说明). */
  @Column({ name: 'correction_note', type: 'varchar', length: 500, nullable: true })
  correctionNote!: string | null;

  @Column({ name: 'state_rev', type: 'int', unsigned: true, default: 0 })
  stateRev!: number;
}
