import { AuditService } from '@app/audit';
import { Principal, Role } from '@app/auth';
import { DomainError } from '@app/common';
import { AppConfig } from '@app/config';
import { ListKind } from '@app/credit';
import { retryingTransaction, streamHead } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { listStream } from '../feeds/feed-entry';
import { newWebhookSecret, WebhookSecretCipher } from './webhook-secret';
import { WebhookStatus, WebhookSubscription } from './webhook-subscription.entity';
import { parseWebhookUrl, resolveWebhookTarget } from './webhook-target';

/** Subscriptions one API key may hold: enough for every list several times over, not a flood of outbound calls. */
export const MAX_SUBSCRIPTIONS_PER_KEY = 20;

export interface CreatedSubscription {
  subscription: WebhookSubscription;
  /** The signing secret, in clear this once only. */
  secret: string;
}

/**
 * The commission's webhook subscriptions: create (URL checked, secret made and shown once), list, resume,
 * delete. A subscription belongs to the API key that created it; REGULATOR keys manage every subscription,
 * AUDITOR keys see every one, an NDRC key sees and manages its own (another key's is NOT_FOUND to it).
 */
@Injectable()
export class WebhookSubscriptionsService {
  private readonly cipher: WebhookSecretCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.cipher = new WebhookSecretCipher(config.pii.encryptionKey, config.pii.previousKeys.map((k) => k.encryptionKey));
  }

  /**
   * Starts after `afterSeq` (deliveries begin with afterSeq + 1), by default after the list's head now: a
   * consumer that already holds a snapshot or a pulled position passes that seq and misses nothing.
   */
  async create(list: ListKind, rawUrl: string, afterSeq: number | undefined, principal: Principal, actor: string): Promise<CreatedSubscription> {
    const { allowedHosts } = this.config.webhooks;
    const url = parseWebhookUrl(rawUrl, allowedHosts);
    await resolveWebhookTarget(url, allowedHosts);
    if (afterSeq !== undefined && (!Number.isSafeInteger(afterSeq) || afterSeq < 0)) {
      throw DomainError.badInput('afterSeq must be a whole number ≥ 0', { field: 'afterSeq', reason: 'INVALID_VALUE' });
    }
    const secret = newWebhookSecret();
    const subscription = await retryingTransaction(this.dataSource, async (em) => {
      if (principal.keyId !== null) {
        const held = await em.getRepository(WebhookSubscription).countBy({ ownerKeyId: principal.keyId });
        if (held >= MAX_SUBSCRIPTIONS_PER_KEY) {
          throw DomainError.conflict(`an API key may hold at most ${MAX_SUBSCRIPTIONS_PER_KEY} webhook subscriptions`, { reason: 'TOO_MANY_SUBSCRIPTIONS' });
        }
      }
      const head = await streamHead(em, listStream(list));
      if (afterSeq !== undefined && afterSeq > head) {
        throw DomainError.badInput(`afterSeq is beyond the list's head (${head})`, { field: 'afterSeq', reason: 'SEQ_AHEAD_OF_HEAD' });
      }
      const repo = em.getRepository(WebhookSubscription);
      const row = repo.create({
        list,
        url: url.href,
        secretEnc: this.cipher.encrypt(secret),
        status: WebhookStatus.ACTIVE,
        ownerKeyId: principal.keyId,
        createdBy: actor,
        lastDeliveredSeq: String(afterSeq ?? head),
        retryToSeq: null,
        consecutiveFailures: 0,
        lastAttemptAt: null,
        nextAttemptAt: null,
        lastError: null,
        createdAt: new Date(),
      });
      await repo.insert(row);
      await this.audit.append(em, [
        { actor, action: 'webhook.create', targetType: 'webhook_subscription', targetId: row.id, diff: { list, url: url.href, afterSeq: Number(row.lastDeliveredSeq) } },
      ]);
      return row;
    });
    return { subscription, secret };
  }

  /** Every subscription for REGULATOR and AUDITOR keys; an NDRC key's own otherwise. Oldest first. */
  async visibleTo(principal: Principal): Promise<WebhookSubscription[]> {
    const repo = this.dataSource.getRepository(WebhookSubscription);
    if (principal.role === Role.REGULATOR || principal.role === Role.AUDITOR) return repo.find({ order: { id: 'ASC' } });
    if (principal.keyId === null) return [];
    return repo.find({ where: { ownerKeyId: principal.keyId }, order: { id: 'ASC' } });
  }

  /** ACTIVE again, failures forgotten, from last_delivered_seq (the batch that failed is sent again first). */
  async resume(id: string, principal: Principal, actor: string): Promise<WebhookSubscription> {
    return retryingTransaction(this.dataSource, async (em) => {
      const row = await this.lockManaged(em, id, principal);
      const before = row.status;
      await em.getRepository(WebhookSubscription).update({ id: row.id }, { status: WebhookStatus.ACTIVE, consecutiveFailures: 0, nextAttemptAt: null });
      await this.audit.append(em, [
        { actor, action: 'webhook.resume', targetType: 'webhook_subscription', targetId: row.id, diff: { status: [before, WebhookStatus.ACTIVE], lastDeliveredSeq: Number(row.lastDeliveredSeq) } },
      ]);
      return em.getRepository(WebhookSubscription).findOneByOrFail({ id: row.id });
    });
  }

  /** Deletes the subscription and its secret; a delivery under way finds it gone and stops. Returns the id. */
  async delete(id: string, principal: Principal, actor: string): Promise<string> {
    return retryingTransaction(this.dataSource, async (em) => {
      const row = await this.lockManaged(em, id, principal);
      await em.getRepository(WebhookSubscription).delete({ id: row.id });
      await this.audit.append(em, [
        { actor, action: 'webhook.delete', targetType: 'webhook_subscription', targetId: row.id, diff: { list: row.list, url: row.url, lastDeliveredSeq: Number(row.lastDeliveredSeq) } },
      ]);
      return row.id;
    });
  }

  private async lockManaged(em: EntityManager, id: string, principal: Principal): Promise<WebhookSubscription> {
    const row = /^\d{1,19}$/.test(id) ? await em.getRepository(WebhookSubscription).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    const manages = row !== null && (principal.role === Role.REGULATOR || (principal.keyId !== null && row.ownerKeyId === principal.keyId));
    if (!row || !manages) throw DomainError.notFound('no such webhook subscription', { field: 'id' });
    return row;
  }
}
