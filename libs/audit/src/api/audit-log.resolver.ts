import { Allow, Role } from '@app/auth';
import { decodeCursor, pageSize, toPage } from '@app/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../audit-entry.entity';
import { AuditEntryConnection } from './audit-entry-connection.type';
import { AuditEntryType } from './audit-entry.type';

@Resolver(() => AuditEntryType)
export class AuditLogResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (AUDITOR).' })
  @Allow(Role.AUDITOR)
  async auditLog(
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    const size = pageSize(first, 50, 1000);
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a').orderBy('a.seq', 'DESC').limit(size + 1);
    if (after) qb.where('a.seq < :seq', { seq: String(decodeCursor(after, 1)[0]) });
    return toPage(await qb.getMany(), size, (r) => [r.seq]);
  }
}
