import { AuditModule } from '@app/audit';
import { ApiKeysModule } from '@app/auth';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ExportsModule } from '@app/exports';
import { ListsModule } from '@app/lists';
import { RatingsModule } from '@app/ratings';
import { RegistryModule } from '@app/registry';
import { Module } from '@nestjs/common';
import { ApiKeyCreateCommand } from './commands/apikey-create.command';
import { ApiKeyListCommand } from './commands/apikey-list.command';
import { ApiKeyRevokeCommand } from './commands/apikey-revoke.command';
import { AuditVerifyCommand } from './commands/audit-verify.command';
import { DemoSeedCommand } from './commands/demo-seed.command';
import { ImportEventsCommand } from './commands/import-events.command';
import { ListsRefreshCommand } from './commands/lists-refresh.command';
import { ListsVerifyCommand } from './commands/lists-verify.command';
import { RescoreCommand } from './commands/rescore.command';
import { MigrateCommand } from './commands/migrate.command';
import { DisclosureQueueCommand } from './commands/disclosure-queue.command';
import { SchedulesRegisterCommand } from './commands/schedules-register.command';
import { KeysRotateCommand } from './commands/keys-rotate.command';
import { ProgramName } from './program-name';

@Module({
  imports: [ConfigModule, DatabaseModule, AuditModule, ApiKeysModule, RegistryModule, RatingsModule, ListsModule, ExportsModule],
  providers: [ProgramName, MigrateCommand, ApiKeyCreateCommand, ApiKeyRevokeCommand, ApiKeyListCommand, AuditVerifyCommand, SchedulesRegisterCommand, ImportEventsCommand, DemoSeedCommand, RescoreCommand, ListsRefreshCommand, ListsVerifyCommand, DisclosureQueueCommand, KeysRotateCommand],
})
export class CliModule {}
