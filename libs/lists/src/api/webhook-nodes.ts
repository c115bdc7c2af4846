import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WebhookStatus, WebhookSubscription } from '../webhooks/webhook-subscription.entity';
import { ListKind } from './list-enums';

registerEnumType(WebhookStatus, { name: 'WebhookStatus' });

@ObjectType('WebhookSubscription', { description: 'A push subscription to one list’s changes. The signing secret is never shown here.' })
export class WebhookSubscriptionNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ListKind)
  list!: ListKind;

  @Field(() => String)
  url!: string;

  @Field(() => WebhookStatus, { description: 'PAUSED after too many failures in a row; resumeWebhookSubscription restarts it.' })
  status!: WebhookStatus;

  @Field(() => Int, { description: 'Every change up to this seq was answered with a 2xx. Deliveries go on from the next one; pulling from it (listChanges, the changes feed) is always possible.' })
  lastDeliveredSeq!: number;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Backoff after a failure: no attempt before this moment.' })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (cleared by a delivery).' })
  lastError!: string | null;

  @Field(() => Int)
  consecutiveFailures!: number;

  @Field(() => String, { description: 'The audit actor that created it (apikey:<id>).' })
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('WebhookSubscriptionCreated')
export class WebhookSubscriptionCreatedNode {
  @Field(() => WebhookSubscriptionNode)
  subscription!: WebhookSubscriptionNode;

  @Field(() => String, { description: 'The Standard Webhooks signing secret (whsec_…). Shown this once only: store it now.' })
  secret!: string;
}

export function webhookView(s: WebhookSubscription): WebhookSubscriptionNode {
  return {
    id: s.id,
    list: s.list,
    url: s.url,
    status: s.status,
    lastDeliveredSeq: Number(s.lastDeliveredSeq),
    lastAttemptAt: s.lastAttemptAt,
    nextAttemptAt: s.nextAttemptAt,
    lastError: s.lastError,
    consecutiveFailures: s.consecutiveFailures,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
  };
}
