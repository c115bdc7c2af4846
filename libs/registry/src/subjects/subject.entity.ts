import { Profession, SubjectType } from '@app/credit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A rated subject (domain.md §1). Organisations are keyed by credit code; persons by the keyed HMAC of their
 * resident ID (plus profession for practitioners), whose clear value exists only encrypted. Only subjects
 * that were registered or have events get a row: the default answer covers everyone else.
 */
@Entity('subjects')
@Index('uq_subjects_credit_code', ['creditCode'], { unique: true })
@Index('uq_subjects_person', ['residentIdHmac', 'type', 'professionKey'], { unique: true })
@Index('ix_subjects_type_region', ['type', 'regionCode', 'id'])
export class Subject {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  type!: SubjectType;

  /** Null only for insured persons first seen in an event, before anyone registered them. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true })
  creditCode!: string | null;

  @Column({ name: 'resident_id_hmac', type: 'char', length: 64, nullable: true })
  residentIdHmac!: string | null;

  /** AES-256-GCM nonce ‖ tag ‖ ciphertext (ResidentIdCipher). */
  @Column({ name: 'resident_id_enc', type: 'varbinary', length: 64, nullable: true, select: false })
  residentIdEnc!: Buffer | null;

  /** The version of the resident-ID keys that wrote resident_id_enc and resident_id_hmac (PII_KEY_ID); null without an ID. */
  @Column({ name: 'resident_id_key_id', type: 'smallint', unsigned: true, nullable: true })
  residentIdKeyId!: number | null;

  /**
   * The person's `subjectKey` in the commission's list feeds: the lookup HMAC as it was when the subject was
   * created, frozen. A key rotation re-keys resident_id_hmac but never this, because the commission tracks
   * entries by it (a new key would read as another person).
   */
  @Column({ name: 'resident_id_feed_key', type: 'char', length: 64, nullable: true })
  residentIdFeedKey!: string | null;

  /** First 6 + ******** + last 4: what every caller but the regulator sees. */
  @Column({ name: 'resident_id_masked', type: 'char', length: 18, nullable: true })
  residentIdMasked!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  profession!: Profession | null;

  /** Profession, or '' for everyone else: a NOT NULL part of the person key, because NULLs never collide. */
  @Column({ name: 'profession_key', type: 'varchar', length: 16, default: '' })
  professionKey!: string;

  @Column({ name: 'region_code', type: 'char', length: 6, nullable: true })
  regionCode!: string | null;

  /** Institutions and pharmacies: e.g. 三级甲等综合医院, 连锁药店 (free text from the agreement register). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  category!: string | null;

  @Column({ name: 'agreement_signed_on', type: 'date', nullable: true })
  agreementSignedOn!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** Events recorded, amended or revoked for this subject so far: a cheap change counter for rescoring. */
  @Column({ name: 'event_revision', type: 'int', unsigned: true, default: 0 })
  eventRevision!: number;
}
