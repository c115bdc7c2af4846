import { ApiKey } from '@app/auth/api-key.entity';
import { AuditEntry } from '@app/audit/audit-entry.entity';
import { AuditHead } from '@app/audit/audit-head.entity';
import { FullRescoreRun } from '@app/ratings/ratings/full-rescore-run.entity';
import { Rating } from '@app/ratings/ratings/rating.entity';
import { RatingHistory } from '@app/ratings/ratings/rating-history.entity';
import { RatingNotification } from '@app/ratings/ratings/rating-notification.entity';
import { RuleSetRecord } from '@app/ratings/rule-sets/rule-set.entity';
import { RuleSetPreviewRecord } from '@app/ratings/rule-sets/rule-set-preview.entity';
import { EventRecord } from '@app/registry/events/event-record.entity';
import { EventVersion } from '@app/registry/events/event-version.entity';
import { OutboxMessage } from '@app/registry/outbox/outbox-message.entity';
import { Employment } from '@app/registry/subjects/employment.entity';
import { Subject } from '@app/registry/subjects/subject.entity';
import { RescoreDue } from '@app/ratings/ratings/rescore-due.entity';
import { StreamHead } from './stream-head.entity';
import { ListEntry } from '@app/lists/entries/list-entry.entity';
import { ListChange } from '@app/lists/entries/list-change.entity';
import { ListObjection } from '@app/lists/entries/list-objection.entity';
import { RepairApplication } from '@app/lists/repair/repair-application.entity';
import { SnapshotStamp } from '@app/lists/feeds/snapshot-stamp.entity';
import { WebhookSubscription } from '@app/lists/webhooks/webhook-subscription.entity';

import { PenaltyExport } from '@app/exports/penalty-export.entity';
import { PenaltyExportChange } from '@app/exports/penalty-export-change.entity';
import { Disclosure } from '@app/disclosures/disclosure.entity';
import { DisclosureItemState } from '@app/disclosures/disclosure-item.entity';

/** Every entity, listed explicitly so that bundled builds and the TypeORM CLI see the same set. */
export const ENTITIES = [ApiKey, AuditEntry, AuditHead, Subject, Employment, EventRecord, EventVersion, OutboxMessage, RuleSetRecord, Rating, RatingHistory, RatingNotification, FullRescoreRun, StreamHead, RescoreDue, RuleSetPreviewRecord, ListEntry, ListChange, ListObjection, RepairApplication, SnapshotStamp, WebhookSubscription, PenaltyExport, PenaltyExportChange, Disclosure, DisclosureItemState];
