import { decodeCursor, DomainError, groupByKeys, Page, pageSize, toPage } from '@app/common';
import { ListKind, shanghaiDate } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { RepairApplication, RepairStatus } from '../repair/repair-application.entity';
import { ListEntry, ListEntryStatus } from './list-entry.entity';
import { ListObjection } from './list-objection.entity';

export interface ListEntryFilter {
  list?: ListKind | null;
  status?: ListEntryStatus | null;
  first?: number | null;
  after?: string | null;
}

export interface RepairFilter {
  status?: RepairStatus | null;
  /** Only undecided applications past their decision deadline. */
  overdue?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** Regulators' reads of entries, objections and repair applications: keyset pages and DataLoader batches. */
@Injectable()
export class ListEntriesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(filter: ListEntryFilter): Promise<Page<ListEntry>> {
    const size = pageSize(filter.first, 100, 1000);
    const qb = this.dataSource.getRepository(ListEntry).createQueryBuilder('e').orderBy('e.id', 'ASC').limit(size + 1);
    if (filter.list) qb.andWhere('e.list = :list', { list: filter.list });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.after) qb.andWhere('e.id > :after', { after: rowCursor(filter.after) });
    return toPage(await qb.getMany(), size, (e) => [e.id]);
  }

  async bySubjects(subjectIds: readonly string[]): Promise<ListEntry[][]> {
    const rows = await this.dataSource.getRepository(ListEntry).find({ where: { subjectId: In([...subjectIds]) }, order: { id: 'ASC' } });
    return groupByKeys(subjectIds, rows, (e) => e.subjectId);
  }

  async objectionsOf(entryRowIds: readonly string[]): Promise<ListObjection[][]> {
    const rows = await this.dataSource.getRepository(ListObjection).find({ where: { entryRowId: In([...entryRowIds]) }, order: { id: 'ASC' } });
    return groupByKeys(entryRowIds, rows, (o) => o.entryRowId);
  }

  async entriesByRowIds(ids: readonly string[]): Promise<(ListEntry | null)[]> {
    const rows = await this.dataSource.getRepository(ListEntry).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async repairs(filter: RepairFilter, now = new Date()): Promise<Page<RepairApplication>> {
    const size = pageSize(filter.first, 100, 1000);
    const qb = this.dataSource.getRepository(RepairApplication).createQueryBuilder('a').orderBy('a.id', 'ASC').limit(size + 1);
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.overdue) qb.andWhere('a.status = :pending AND a.decisionDeadline < :today', { pending: RepairStatus.PENDING, today: shanghaiDate(now) });
    if (filter.after) qb.andWhere('a.id > :after', { after: rowCursor(filter.after) });
    return toPage(await qb.getMany(), size, (a) => [a.id]);
  }
}

function rowCursor(after: string): string {
  const id = String(decodeCursor(after, 1)[0]);
  if (!/^\d{1,20}$/.test(id)) throw DomainError.badInput('the cursor is not one this API issued', { field: 'after', reason: 'INVALID_CURSOR' });
  return id;
}
