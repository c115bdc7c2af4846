import { actorOf, Allow, CurrentPrincipal, Principal, Role } from '@app/auth';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { WebhookSubscriptionsService } from '../webhooks/webhook-subscriptions.service';
import { ListKind } from './list-enums';
import { WebhookSubscriptionCreatedNode, WebhookSubscriptionNode, webhookView } from './webhook-nodes';

/**
 * Push for consumers who prefer it (consumers.md): a signed webhook per change batch of one list, with retries.
 * The pull feeds stay the reference: a subscriber can always pull from its lastDeliveredSeq.
 */
@Resolver(() => WebhookSubscriptionNode)
export class WebhookSubscriptionsResolver {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Mutation(() => WebhookSubscriptionCreatedNode, {
    description:
      'Subscribes a URL to one list’s changes, delivered in batches signed per Standard Webhooks 1.0. https only (http and private addresses only for hosts in WEBHOOK_ALLOWED_HOSTS). ' +
      'Deliveries start after `afterSeq` (default: the list’s head now). The signing secret is returned this once only.',
  })
  @Allow(Role.NDRC, Role.REGULATOR)
  async createWebhookSubscription(
    @Args('list', { type: () => ListKind }) list: ListKind,
    @Args('url', { type: () => String }) url: string,
    @CurrentPrincipal() principal: Principal,
    @Args('afterSeq', { type: () => Int, nullable: true, description: 'The last seq the subscriber already has (e.g. its snapshot’s X-List-Seq).' }) afterSeq?: number,
  ): Promise<WebhookSubscriptionCreatedNode> {
    const created = await this.subscriptions.create(list, url, afterSeq ?? undefined, principal, actorOf(principal));
    return { subscription: webhookView(created.subscription), secret: created.secret };
  }

  @Query(() => [WebhookSubscriptionNode], { description: 'REGULATOR and AUDITOR: every subscription; NDRC: its own key’s.' })
  @Allow(Role.NDRC, Role.REGULATOR, Role.AUDITOR)
  async webhookSubscriptions(@CurrentPrincipal() principal: Principal): Promise<WebhookSubscriptionNode[]> {
    return (await this.subscriptions.visibleTo(principal)).map(webhookView);
  }

  @Mutation(() => WebhookSubscriptionNode, { description: 'ACTIVE again with the failure count reset; delivery restarts from lastDeliveredSeq. The owner or a REGULATOR.' })
  @Allow(Role.NDRC, Role.REGULATOR)
  async resumeWebhookSubscription(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<WebhookSubscriptionNode> {
    return webhookView(await this.subscriptions.resume(id, principal, actorOf(principal)));
  }

  @Mutation(() => ID, { description: 'Deletes the subscription and its secret; returns its id. The owner or a REGULATOR.' })
  @Allow(Role.NDRC, Role.REGULATOR)
  deleteWebhookSubscription(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.subscriptions.delete(id, principal, actorOf(principal));
  }
}
