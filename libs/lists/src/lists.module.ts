import { AuditModule } from '@app/audit';
import { RatingsModule } from '@app/ratings';
import { Module } from '@nestjs/common';
import { ListEntriesReader } from './entries/list-entries.reader';
import { ListLifecycleService } from './entries/list-lifecycle.service';
import { ListsDailyService } from './entries/lists-daily.service';
import { ListsRefreshService } from './entries/lists-refresh.service';
import { ListChangesReader } from './feeds/list-changes.reader';
import { ListSnapshotReader } from './feeds/list-snapshot.reader';
import { StampedSnapshots } from './feeds/stamped-snapshot';
import { CreditRepairService } from './repair/credit-repair.service';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { WebhookSecretRotationService } from './webhooks/webhook-secret-rotation.service';
import { ListLogVerifier } from './verify/list-log-verifier';

const PROVIDERS = [ListsRefreshService, ListsDailyService, ListLifecycleService, CreditRepairService, ListEntriesReader, ListChangesReader, ListSnapshotReader, StampedSnapshots, WebhookSubscriptionsService, WebhookDeliveryService, WebhookSecretRotationService, ListLogVerifier];

/** The lists (domain.md §5): entries kept from the ratings and events, their lifecycle, repair, change logs, feeds, webhook push. */
@Module({ imports: [AuditModule, RatingsModule], providers: PROVIDERS, exports: PROVIDERS })
export class ListsModule {}
