import { isRowId } from '@app/common/orm';
import { groupByKeys } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EventRecord } from './event-record.entity';
import { EventVersion } from './event-version.entity';


/** Reads of events for the API, batched for DataLoaders. */
@Injectable()
export class EventsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<EventRecord | null> {
    return isRowId(id) ? this.dataSource.getRepository(EventRecord).findOneBy({ id }) : null;
  }

  /** Each subject's events, newest decision first. */
  async bySubjects(subjectIds: readonly string[]): Promise<EventRecord[][]> {
    const rows = await this.dataSource.getRepository(EventRecord).find({
      where: { subjectId: In([...subjectIds]) },
      order: { decidedOn: 'DESC', id: 'DESC' },
    });
    return groupByKeys(subjectIds, rows, (r) => r.subjectId);
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
