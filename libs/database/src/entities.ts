import { ApiKey } from '@app/auth/api-key.entity';
import { AuditEntry } from '@app/audit/audit-entry.entity';
import { AuditHead } from '@app/audit/audit-head.entity';

/** Every entity, listed explicitly so that bundled builds and the TypeORM CLI see the same set. */
export const ENTITIES = [ApiKey, AuditEntry, AuditHead];
