import { ListKind } from '@app/credit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum ListChangeOp {
  ADD = 'ADD',
  MODIFY = 'MODIFY',
  REMOVE = 'REMOVE',
}

/**
 * The change log of one list (domain.md §5 feed contract): each change carries the whole entry as it now
 * stands, at a per-list `seq` handed out in commit order without gaps (claimStreamPositions), and the
 * audit-chain head it was made at. Append-only. `changes since seq` is a range scan of uq_list_changes_seq.
 */
@Entity('list_changes')
@Index('uq_list_changes_seq', ['list', 'seq'], { unique: true })
export class ListChange {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  list!: ListKind;

  @Column({ type: 'bigint', unsigned: true })
  seq!: string;

  @Column({ type: 'varchar', length: 8 })
  op!: ListChangeOp;

  @Column({ name: 'entry_id', type: 'varchar', length: 24 })
  entryId!: string;

  @Column({ name: 'removal_reason', type: 'varchar', length: 32, nullable: true })
  removalReason!: string | null;

  /** The feed entry (FeedEntry) after the change. */
  @Column({ type: 'json' })
  entry!: Record<string, unknown>;

  @Column({ name: 'audit_seq', type: 'bigint', unsigned: true })
  auditSeq!: string;

  @Column({ name: 'audit_hash', type: 'char', length: 64 })
  auditHash!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
