import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { DomainError } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { canonicalize } from '../feeds/canonical';
import { FeedChange, ListChangesReader } from '../feeds/list-changes.reader';
import { postWebhook, PostOutcome } from './webhook-post';
import { WebhookSecretCipher } from './webhook-secret';
import { WebhookStatus, WebhookSubscription } from './webhook-subscription.entity';
import { resolveWebhookTarget } from './webhook-target';

/** Batches one job sends before it ends and lets the dispatcher queue it again (other subscriptions get a turn). */
const BATCHES_PER_RUN = 20;
const MAX_BACKOFF_MS = 3600_000;
export const WEBHOOK_EVENT_TYPE = 'list.changes';
const ACTOR = 'system:webhook-delivery';

/** The POST body: one batch of a list's changes, each exactly as the NDJSON changes feed shows it. */
export interface WebhookBatch {
  type: typeof WEBHOOK_EVENT_TYPE;
  list: string;
  fromSeq: number;
  toSeq: number;
  changes: FeedChange[];
}

export interface DeliveryRun {
  /** Batches answered with a 2xx in this run. */
  delivered: number;
  /** The failure of this run's last attempt, if it failed. */
  failed: string | null;
}

/** Exponential: base, 2×base, 4×base, … capped at one hour. */
export function retryDelayMs(baseMs: number, consecutiveFailures: number): number {
  return Math.min(baseMs * 2 ** Math.min(consecutiveFailures - 1, 30), MAX_BACKOFF_MS);
}

/**
 * A subscription lives on its owner's key: once the key is revoked, nothing more is sent to its URL (the list
 * data is the commission's; a revoked key must not keep receiving it). Operator-made subscriptions have no owner.
 * The subscription itself is kept, so a regulator can see it and its position.
 */
const OWNER_NOT_REVOKED = `(w.owner_key_id IS NULL OR EXISTS (SELECT 1 FROM api_keys k WHERE k.id = w.owner_key_id AND k.revoked_at IS NULL))`;

/**
 * Delivers one subscription's pending changes (the worker's webhook-delivery job): batches of at most
 * WEBHOOK_BATCH_SIZE changes in seq order from last_delivered_seq + 1, each signed per Standard Webhooks 1.0
 * (`webhook-id` = `<subscription>-<fromSeq>-<toSeq>`, the same on every retry of that batch, because a failed
 * batch's range is kept in retry_to_seq; `webhook-timestamp` = the attempt's time in seconds;
 * `webhook-signature` = `v1,<base64 HMAC-SHA256>`). A 2xx moves last_delivered_seq to the batch's end, by a
 * compare-and-set on the batch's start, so it only ever moves forward and a duplicate run cannot skip or
 * repeat a batch. Anything else counts a failure and sets next_attempt_at (exponential backoff); at
 * WEBHOOK_MAX_FAILURES in a row the subscription is PAUSED. The host's addresses are checked again before
 * every attempt (DNS rebinding), and the request connects to exactly the checked addresses.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);
  private readonly cipher: WebhookSecretCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ListChangesReader,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.cipher = new WebhookSecretCipher(config.pii.encryptionKey, config.pii.previousKeys.map((k) => k.encryptionKey));
  }

  /**
   * ACTIVE subscriptions behind their list's head whose backoff (if any) is over: one small join, since the
   * head is a stored row per list (stream_heads; the stream name is listStream(list), `list:<LIST>`).
   */
  async due(now = new Date(), limit = 1000): Promise<string[]> {
    const rows: { id: string | number }[] = await this.dataSource.query(
      `SELECT w.id FROM webhook_subscriptions w JOIN stream_heads h ON h.stream = CONCAT('list:', w.list)
        WHERE w.status = ? AND w.last_delivered_seq < h.position AND (w.next_attempt_at IS NULL OR w.next_attempt_at <= ?)
          AND ${OWNER_NOT_REVOKED}
        ORDER BY w.id LIMIT ?`,
      [WebhookStatus.ACTIVE, now, limit],
    );
    return rows.map((r) => String(r.id));
  }

  async deliver(subscriptionId: string): Promise<DeliveryRun> {
    const run: DeliveryRun = { delivered: 0, failed: null };
    for (let i = 0; i < BATCHES_PER_RUN; i++) {
      const sub = await this.dataSource.getRepository(WebhookSubscription).findOneBy({ id: subscriptionId });
      if (!sub || sub.status !== WebhookStatus.ACTIVE) return run;
      if (sub.nextAttemptAt && sub.nextAttemptAt.getTime() > Date.now()) return run;
      if (!(await this.ownerMayReceive(sub))) return run;
      const after = Number(sub.lastDeliveredSeq);
      const pinned = sub.retryToSeq !== null && Number(sub.retryToSeq) > after ? Number(sub.retryToSeq) : null;
      const limit = pinned !== null ? pinned - after : this.config.webhooks.batchSize;
      const page = await this.changes.since(sub.list, after, Math.min(limit, 10_000));
      if (page.changes.length === 0) return run;
      const batch: WebhookBatch = { type: WEBHOOK_EVENT_TYPE, list: sub.list, fromSeq: page.changes[0].seq, toSeq: page.lastSeq, changes: page.changes };
      // The batch's range is pinned before it is sent: if the worker dies between the receiver's 2xx and the
      // position's update (or a stalled job runs twice), the resend is the same batch under the same webhook-id,
      // which the receiver dedupes, never an overlapping range under a new id.
      if (pinned === null) await this.dataSource.query('UPDATE webhook_subscriptions SET retry_to_seq = ? WHERE id = ? AND last_delivered_seq = ?', [batch.toSeq, sub.id, after]);
      const outcome = await this.attempt(sub, batch);
      if (outcome.ok) {
        if (!(await this.recordSuccess(sub, batch))) return run;
        run.delivered++;
      } else {
        run.failed = outcome.error;
        await this.recordFailure(sub, batch, outcome.error);
        return run;
      }
    }
    return run;
  }

  /** Checked before every batch: a key revoked while its subscription was due stops receiving at once. */
  private async ownerMayReceive(sub: WebhookSubscription): Promise<boolean> {
    if (sub.ownerKeyId === null) return true;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM webhook_subscriptions w WHERE w.id = ? AND ${OWNER_NOT_REVOKED}`, [sub.id]);
    return rows.length > 0;
  }

  private async attempt(sub: WebhookSubscription, batch: WebhookBatch): Promise<PostOutcome> {
    const { allowedHosts, timeoutMs } = this.config.webhooks;
    const url = new URL(sub.url);
    let addresses;
    try {
      addresses = await resolveWebhookTarget(url, allowedHosts);
    } catch (e) {
      return { ok: false, error: e instanceof DomainError ? `refused: ${e.message}` : 'refused: the host could not be checked' };
    }
    const body = canonicalize(batch);
    const msgId = `${sub.id}-${batch.fromSeq}-${batch.toSeq}`;
    const at = new Date();
    let signature: string;
    try {
      signature = new Webhook(this.cipher.decrypt(sub.secretEnc)).sign(msgId, at, body);
    } catch {
      // A failure like any other (counted, backed off, paused in the end), not a job error retried every poll.
      return { ok: false, error: 'the signing secret cannot be decrypted (was PII_ENCRYPTION_KEY changed?)' };
    }
    return postWebhook(
      url,
      addresses,
      {
        'content-type': 'application/json',
        'user-agent': 'yibao-credit-webhooks/1',
        'webhook-id': msgId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      timeoutMs,
    );
  }

  /** Moves last_delivered_seq forward only if nothing else did since the batch was read. */
  private async recordSuccess(sub: WebhookSubscription, batch: WebhookBatch): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE webhook_subscriptions SET last_delivered_seq = ?, retry_to_seq = NULL, consecutive_failures = 0, last_attempt_at = ?,
          next_attempt_at = NULL, last_error = NULL
        WHERE id = ? AND last_delivered_seq = ?`,
      [batch.toSeq, new Date(), sub.id, batch.fromSeq - 1],
    );
    return affectedRows(result) === 1;
  }

  private async recordFailure(sub: WebhookSubscription, batch: WebhookBatch, error: string): Promise<void> {
    const { maxFailures, retryBaseMs } = this.config.webhooks;
    await this.dataSource.transaction('READ COMMITTED', async (em) => {
      const current = await em.getRepository(WebhookSubscription).findOne({ where: { id: sub.id }, lock: { mode: 'pessimistic_write' } });
      if (!current || Number(current.lastDeliveredSeq) !== batch.fromSeq - 1) return; // deleted, or moved on meanwhile
      const failures = current.consecutiveFailures + 1;
      const now = new Date();
      const pause = failures >= maxFailures && current.status === WebhookStatus.ACTIVE;
      await em.getRepository(WebhookSubscription).update(
        { id: sub.id },
        {
          consecutiveFailures: failures,
          lastError: error.slice(0, 500),
          lastAttemptAt: now,
          retryToSeq: String(batch.toSeq),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(retryBaseMs, failures)),
          ...(pause ? { status: WebhookStatus.PAUSED } : {}),
        },
      );
      if (pause) {
        await this.audit.append(em, [
          {
            actor: ACTOR,
            action: 'webhook.pause',
            targetType: 'webhook_subscription',
            targetId: sub.id,
            diff: { status: [WebhookStatus.ACTIVE, WebhookStatus.PAUSED], consecutiveFailures: failures, lastError: error.slice(0, 500), lastDeliveredSeq: batch.fromSeq - 1 },
          },
        ]);
        this.logger.warn({ subscriptionId: sub.id, list: sub.list, failures, error }, 'webhook subscription paused after consecutive failures');
      }
    });
  }
}

function affectedRows(result: unknown): number {
  const r = result as { affectedRows?: number } | [unknown, number];
  if (Array.isArray(r)) return Number(r[1]);
  return Number(r.affectedRows ?? 0);
}
