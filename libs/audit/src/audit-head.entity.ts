import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The chain's single head row (id = 1). Appending locks it FOR UPDATE, which orders concurrent writers and
 * makes `seq` gap-free; the lock is held only until the writer's transaction commits.
 */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'tinyint', unsigned: true })
  id!: number;

  @Column({ type: 'bigint', unsigned: true })
  seq!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
