import { Module } from '@nestjs/common';
import { AuditLogResolver } from './audit-log.resolver';

/** The audit log's GraphQL face, mounted by the API app only. */
@Module({ providers: [AuditLogResolver] })
export class AuditApiModule {}
