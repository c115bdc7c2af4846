import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The mutable facts about one item of a stored snapshot (the content itself never changes): which decision it
 * rests on (so a revocation finds it) and, once withdrawn, when and why. A withdrawn item is shown as its
 * 撤回公告 in place of the item.
 *
 * Keyed by (disclosure, item key), clustered: a new version's rows are appended in key order to the end of the
 * table's one B-tree, with no surrogate id and no separate unique index to maintain (100k rows per 100k-item
 * version; B6). Revocation finds rows by decision (event index), the list hooks by item key.
 */
@Entity('disclosure_items')
@Index('ix_disclosure_items_event', ['eventId'])
@Index('ix_disclosure_items_item_key', ['itemKey'])
export class DisclosureItemState {
  @PrimaryColumn({ name: 'disclosure_id', type: 'bigint', unsigned: true })
  disclosureId!: string;

  @PrimaryColumn({ name: 'item_key', type: 'varchar', length: 40 })
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
