import { EventStatus } from '@app/credit';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EventContent } from './event-content';

/**
 * A superseded version of an event, copied here when an amendment or a revocation replaces it: the history
 * shows what was believed when (domain.md §2).
 */
@Entity('event_history')
export class EventVersion extends EventContent {
  @PrimaryColumn({ name: 'event_id', type: 'bigint', unsigned: true })
  eventId!: string;

  @PrimaryColumn({ type: 'smallint', unsigned: true })
  version!: number;

  @Column({ name: 'superseded_at', type: 'datetime', precision: 3 })
  supersededAt!: Date;

  /** How this version ended (domain.md §2 lifecycle): AMENDED (a new version replaced it) or REVOKED. */
  @Column({ name: 'superseded_as', type: 'varchar', length: 16 })
  supersededAs!: EventStatus.AMENDED | EventStatus.REVOKED;
}
