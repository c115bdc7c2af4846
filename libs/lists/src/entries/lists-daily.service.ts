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
        // Each branch walks its own index from the cursor and stops after a chunk: the cost of a chunk does not
        // grow with the tables (a bare UNION would sort everything after the cursor, every chunk).
        `SELECT id FROM (
           (SELECT DISTINCT subject_id AS id FROM list_entries
             WHERE subject_id > ? AND status IN ('NOTIFIED', 'ACTIVE') ORDER BY subject_id LIMIT ?)
           UNION
           (SELECT subject_id AS id FROM ratings
             WHERE subject_id > ? AND (grade IN ('A', 'D', 'E') OR key_supervision = 1) ORDER BY subject_id LIMIT ?)
         ) due ORDER BY id LIMIT ?`,
        [after, CHUNK, after, CHUNK, CHUNK],
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
