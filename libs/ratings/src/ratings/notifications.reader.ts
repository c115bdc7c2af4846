import { groupByKeys } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { RatingNotification } from './rating-notification.entity';

/** Each subject's grade-change notifications, newest first (the batch function of a DataLoader). */
@Injectable()
export class NotificationsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofSubjects(subjectIds: readonly string[]): Promise<RatingNotification[][]> {
    const rows = await this.dataSource.getRepository(RatingNotification).find({
      where: { subjectId: In([...subjectIds]) },
      order: { id: 'DESC' },
    });
    return groupByKeys(subjectIds, rows, (n) => n.subjectId);
  }
}
