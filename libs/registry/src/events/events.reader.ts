import { isRowId } from '@app/common/orm';
import { groupByKeys } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EventRecord } from './event-record.entity';
import { EventVersion } from './event-version.entity';

/** A DataLoader key for Subject.events(first): the subject and how many of its newest events. */
export interface LatestEventsKey {
  subjectId: string;
  first: number;
}

/** The DataLoader cache key: the same subject with another `first` is another load. */
export function latestKey(k: LatestEventsKey): string {
  return `${k.subjectId}:${k.first}`;
}

/** Reads of events for the API, batched for DataLoaders. */
@Injectable()
export class EventsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<EventRecord | null> {
    return isRowId(id) ? this.dataSource.getRepository(EventRecord).findOneBy({ id }) : null;
  }

  /**
   * Each asked subject's newest `first` events, newest decision first (ties: the later id first). The limit is
   * applied in SQL, per subject (ROW_NUMBER() over each subject's events), so a subject with thousands of
   * events sends `first` rows, not all of them. One query per distinct `first` among the keys (usually one).
   */
  async latestBySubjects(keys: readonly LatestEventsKey[]): Promise<EventRecord[][]> {
    const byFirst = new Map<number, string[]>();
    for (const k of keys) byFirst.set(k.first, [...(byFirst.get(k.first) ?? []), k.subjectId]);
    const found = new Map<string, EventRecord[]>();
    for (const [first, subjectIds] of byFirst) {
      const unique = [...new Set(subjectIds)];
      const rows = await this.dataSource
        .getRepository(EventRecord)
        .createQueryBuilder('e')
        .where(
          `e.id IN (SELECT ranked.id FROM (
             SELECT id, ROW_NUMBER() OVER (PARTITION BY subject_id ORDER BY decided_on DESC, id DESC) AS position
               FROM events WHERE subject_id IN (:...subjectIds)
           ) ranked WHERE ranked.position <= :first)`,
          { subjectIds: unique, first },
        )
        .orderBy('e.decidedOn', 'DESC')
        .addOrderBy('e.id', 'DESC')
        .getMany();
      groupByKeys(unique, rows, (r) => r.subjectId).forEach((events, i) => found.set(latestKey({ subjectId: unique[i], first }), events));
    }
    return keys.map((k) => found.get(latestKey(k)) ?? []);
  }

  /** Each event's superseded versions, oldest first. */
  async historyOf(eventIds: readonly string[]): Promise<EventVersion[][]> {
    const rows = await this.dataSource.getRepository(EventVersion).find({
      where: { eventId: In([...eventIds]) },
      order: { eventId: 'ASC', version: 'ASC' },
    });
    return groupByKeys(eventIds, rows, (r) => r.eventId);
  }
}
