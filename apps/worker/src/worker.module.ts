import { AuditModule } from '@app/audit';
import { LoggingModule } from '@app/common/logging';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ExportsModule } from '@app/exports';
import { DisclosuresModule } from '@app/disclosures';
import { DisclosuresProcessor } from './disclosures/disclosures.processor';
import { HealthModule } from '@app/health';
import { QueueModule } from '@app/queue';
import { ListsModule } from '@app/lists';
import { RatingsModule } from '@app/ratings';
import { Module } from '@nestjs/common';
import { ListsProcessor } from './lists/lists.processor';
import { AuditVerifyProcessor } from './maintenance/audit-verify.processor';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { RescoreProcessor } from './ratings/rescore.processor';
import { RuleSetPreviewProcessor } from './ratings/rule-set-preview.processor';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';

/** The worker: BullMQ processors and nothing of GraphQL; HTTP only for its health port. */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, AuditModule, QueueModule, HealthModule.forWorker(), RatingsModule, ListsModule, ExportsModule, DisclosuresModule],
  providers: [AuditVerifyProcessor, DisclosuresProcessor, RescoreProcessor, RuleSetPreviewProcessor, ListsProcessor, OutboxRelay, WebhookDeliveryProcessor, WebhookDispatcher],
})
export class WorkerModule {}
