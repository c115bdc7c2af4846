import { isRowId } from '@app/common/orm';
import { decodeCursor, DomainError, groupByKeys, Page, pageSize, toPage } from '@app/common';
import { SubjectType } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Employment } from './employment.entity';
import { Subject } from './subject.entity';

export interface SubjectFilter {
  type?: SubjectType | null;
  regionCode?: string | null;
  first?: number | null;
  after?: string | null;
}


function sizeOf(filter: SubjectFilter): number {
  return pageSize(filter.first, 100, 1000);
}

function idCursor(after: string): string {
  const id = String(decodeCursor(after, 1)[0]);
  if (!isRowId(id)) throw DomainError.badInput('the cursor is not one this API issued', { field: 'after', reason: 'INVALID_CURSOR' });
  return id;
}

/** Reads of subjects for the API: single lookups, keyset pages, and batch functions for DataLoaders. */
@Injectable()
export class SubjectsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<Subject | null> {
    return isRowId(id) ? this.dataSource.getRepository(Subject).findOneBy({ id }) : null;
  }

  async byCreditCode(creditCode: string): Promise<Subject | null> {
    return this.dataSource.getRepository(Subject).findOneBy({ creditCode: creditCode.trim().toUpperCase() });
  }

  /** Subjects in id order, filtered by type and region (index ix_subjects_type_region serves both). */
  async page(filter: SubjectFilter): Promise<Page<Subject>> {
    return this.pageOf(this.pageQuery(filter), filter);
  }

  /**
   * The keyset page query (alias `s`), for a reader that narrows it further before running it with `pageOf`:
   * e.g. the ratings library filters by grade. The registry itself knows nothing of what narrows it.
   */
  pageQuery(filter: SubjectFilter): SelectQueryBuilder<Subject> {
    const qb = this.dataSource.getRepository(Subject).createQueryBuilder('s').orderBy('s.id', 'ASC').limit(sizeOf(filter) + 1);
    if (filter.type) qb.andWhere('s.type = :type', { type: filter.type });
    if (filter.regionCode) qb.andWhere('s.regionCode = :region', { region: filter.regionCode });
    if (filter.after) qb.andWhere('s.id > :after', { after: idCursor(filter.after) });
    return qb;
  }

  async pageOf(qb: SelectQueryBuilder<Subject>, filter: SubjectFilter): Promise<Page<Subject>> {
    return toPage(await qb.getMany(), sizeOf(filter), (s) => [s.id]);
  }

  async byIds(ids: readonly string[]): Promise<(Subject | null)[]> {
    const valid = ids.filter(isRowId);
    const rows = valid.length ? await this.dataSource.getRepository(Subject).findBy({ id: In(valid) }) : [];
    const byId = new Map(rows.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async employmentsOf(practitionerIds: readonly string[]): Promise<Employment[][]> {
    const rows = await this.dataSource.getRepository(Employment).find({
      where: { practitionerId: In([...practitionerIds]) },
      order: { fromDate: 'ASC', id: 'ASC' },
    });
    return groupByKeys(practitionerIds, rows, (e) => e.practitionerId);
  }
}
