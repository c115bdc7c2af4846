import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row of the append-only, hash-chained audit log. `seq` is gap-free (taken from AuditHead under a lock),
 * and `hash` = SHA-256(prevHash + canonical JSON of the row's content), so any edit or deletion breaks the
 * chain at that row. No code path updates or deletes these rows; database triggers refuse it as well.
 * `diff` must never hold personal data in clear (callers pass masked values or HMACs).
 */
@Entity('audit_log')
@Index('idx_audit_target', ['targetType', 'targetId'])
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  seq!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'varchar', length: 128 })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 64 })
  targetId!: string;

  @Column({ type: 'json' })
  diff!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
