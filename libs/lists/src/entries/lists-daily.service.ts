import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListsRefreshService } from './lists-refresh.service';

const CHUNK = 500;

/**
 * What time alone changes on the lists (a publication period ending, a penalty leaving the 24 months of the
 * good-conduct rule, grades the nightly full rescore moved): refreshes every subject that has an open entry
 * or whose rating could put it on a list (grade A, D or E, or key supervision), in keyset chunks by id.
 */
@Injectable()
export class ListsDailyService {
  private readonly logger = new Logger(ListsDailyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refresh: ListsRefreshService,
  ) {}

  async run(now = new Date()): Promise<{ subjects: number; changes: number }> {
    let subjects = 0;
    let changes = 0;
    for (let after = '0'; ; ) {
      const rows: { id: string | number }[] = await this.dataSource.query(
        `SELECT id FROM (
           SELECT subject_id AS id FROM list_entries WHERE status IN ('NOTIFIED', 'ACTIVE') AND subject_id > ?
           UNION
           SELECT subject_id AS id FROM ratings WHERE (grade IN ('A', 'D', 'E') OR key_supervision = 1) AND subject_id > ?
         ) due ORDER BY id LIMIT ?`,
        [after, after, CHUNK],
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => String(r.id));
      changes += await this.refresh.refreshSubjects(ids, now);
      subjects += ids.length;
      after = ids[ids.length - 1];
    }
    this.logger.log({ subjects, changes }, 'daily list refresh finished');
    return { subjects, changes };
  }
}
