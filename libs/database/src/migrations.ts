import { CreateApiKeys1795446874470 } from '../../../migrations/1795446874470-CreateApiKeys';
import { CreateAuditLog1795446874471 } from '../../../migrations/1795446874471-CreateAuditLog';
import { CreateAuditHead1795446874472 } from '../../../migrations/1795446874472-CreateAuditHead';
import { AuditLogAppendOnly1795446874473 } from '../../../migrations/1795446874473-AuditLogAppendOnly';

// Every migration, in order. `npm run migration:generate -- Name` writes a new file to migrations/;
// add it here (a test fails when a file in migrations/ is missing from this list).
export const MIGRATIONS = [
  CreateApiKeys1795446874470,
  CreateAuditLog1795446874471,
  CreateAuditHead1795446874472,
  AuditLogAppendOnly1795446874473,
];
