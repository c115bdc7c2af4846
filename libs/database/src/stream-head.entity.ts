import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last position handed out in one change stream (see claimStreamPositions). */
@Entity('stream_heads')
export class StreamHead {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  stream!: string;

  @Column({ type: 'bigint', unsigned: true })
  position!: string;
}
