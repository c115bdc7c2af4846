import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A feed snapshot's stamp at one position (architecture.md practice 16: a stored fact, not a computation):
 * row count and SHA-256 of the canonical NDJSON body. Written once per (stamp key, seq) by whoever first needs
 * it (the first HEAD/GET), so HEAD never builds the body. `list` is the stamp key: a list's name, or a penalty
 * export variant (`penalties…`, StampedFeed.stampKey).
 */
@Entity('list_snapshot_stamps')
export class SnapshotStamp {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  list!: string;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  seq!: string;

  @Column({ name: 'row_count', type: 'int', unsigned: true })
  rowCount!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt!: Date;
}
