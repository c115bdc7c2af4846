import { DeliveryRun, WebhookDeliveryService } from '@app/lists';
import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';

/**
 * Sends one subscription's pending change batches. Several subscriptions at once (a slow receiver holds up
 * only its own deliveries, each cut off by WEBHOOK_TIMEOUT_MS); never two runs of one subscription, since the
 * job id is the subscription's.
 */
@Processor(QUEUES.webhooks, { concurrency: 4 })
export class WebhookDeliveryProcessor extends JobDispatcher {
  constructor(private readonly delivery: WebhookDeliveryService) {
    super();
  }

  @OnJob(JOBS.webhookDelivery)
  run(job: Job<{ subscriptionId: string }>): Promise<DeliveryRun> {
    return this.delivery.deliver(String(job.data.subscriptionId));
  }
}
