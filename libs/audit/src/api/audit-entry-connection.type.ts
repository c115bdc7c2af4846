import { Connection } from '@app/common/graphql';
import { ObjectType } from '@nestjs/graphql';
import { AuditEntryType } from './audit-entry.type';

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntryType) {}
