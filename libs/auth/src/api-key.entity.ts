import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role.enum';

/**
 * An API key. Only the SHA-256 of the secret is stored: the secret carries 256 random bits, so a slow
 * password hash adds nothing, and a fast hash keeps per-request authentication at one indexed lookup.
 */
@Entity('api_keys')
@Index('uq_api_keys_key_hash', ['keyHash'], { unique: true })
export class ApiKey {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The first characters of the key, to recognise it in listings and logs; not enough to use it. */
  @Column({ type: 'char', length: 11 })
  prefix!: string;

  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt!: Date | null;
}
