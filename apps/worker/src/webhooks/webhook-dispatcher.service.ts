import { AppConfig } from '@app/config';
import { WebhookDeliveryService } from '@app/lists';
import { JOB_OPTIONS, JOBS, PollSleep, QUEUES, redisOptions, withTimeout } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Queue } from 'bullmq';

const IDLE_POLL_MS = 500;
const MAX_BACKOFF_MS = 5000;
const ADD_TIMEOUT_MS = 5000;

/** The deterministic job id of a subscription's delivery: at most one exists at a time. */
export function webhookJobId(subscriptionId: string): string {
  return `webhook-${subscriptionId}`;
}

/**
 * Notices new list changes for the webhook subscriptions: polls for ACTIVE subscriptions behind their list's
 * head whose backoff is over (one small join with stream_heads) and queues a delivery job for each, with the
 * subscription's job id, so an add while its delivery is waiting or running is dropped by BullMQ. Nothing is
 * lost that way: the position lives in the database, and the next poll queues the subscription again if it
 * is still behind. While Redis is away the add fails fast and the loop backs off.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private queue?: Queue;
  private running = false;
  private loop?: Promise<void>;
  private readonly pause = new PollSleep();
  private failing = false;

  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queue = new Queue(QUEUES.webhooks, { connection: redisOptions(this.config, 'producer') as ConnectionOptions, prefix: this.config.redis.prefix });
    this.queue.on('error', () => undefined); // surfaces through dispatchOnce
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.pause.wake();
    await this.loop;
    await this.queue?.close().catch(() => undefined);
  }

  /** One poll: queues every due subscription. Returns how many it queued (adds of existing ids included). */
  async dispatchOnce(): Promise<number> {
    const due = await this.delivery.due();
    if (due.length === 0) return 0;
    const jobs = due.map((subscriptionId) => ({
      name: JOBS.webhookDelivery.name,
      data: { subscriptionId },
      opts: { ...JOB_OPTIONS.webhookDelivery, jobId: webhookJobId(subscriptionId) },
    }));
    await withTimeout(this.queue!.addBulk(jobs), ADD_TIMEOUT_MS);
    return due.length;
  }

  private async run(): Promise<void> {
    let delay = IDLE_POLL_MS;
    while (this.running) {
      try {
        await this.dispatchOnce();
        if (this.failing) this.logger.log('webhook dispatcher resumed');
        this.failing = false;
        delay = IDLE_POLL_MS;
      } catch (error) {
        if (!this.failing) this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'webhook dispatcher paused: deliveries wait until the queue and database are reachable');
        this.failing = true;
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
      await this.pause.sleep(delay);
    }
  }

}

