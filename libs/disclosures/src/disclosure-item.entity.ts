import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The mutable facts about one item of a stored snapshot (the content itself never changes): which decision it
 * rests on (so a revocation finds it) and, once withdrawn, when and why. A withdrawn item is shown as its
 * 撤回公告 in place of the item.
 */
@Entity('disclosure_items')
@Index('uq_disclosure_items_key', ['disclosureId', 'itemKey'], { unique: true })
@Index('ix_disclosure_items_event', ['eventId'])
@Index('ix_disclosure_items_item_key', ['itemKey'])
export class DisclosureItemState {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'disclosure_id', type: 'bigint', unsigned: true })
  disclosureId!: string;

  @Column({ name: 'item_key', type: 'varchar', length: 40 })
  itemKey!: string;

  @Column({ name: 'event_id', type: 'bigint', unsigned: true, nullable: true })
  eventId!: string | null;

  @Column({ name: 'publication_end', type: 'date' })
  publicationEnd!: string;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 500, nullable: true })
  withdrawalReason!: string | null;
}
