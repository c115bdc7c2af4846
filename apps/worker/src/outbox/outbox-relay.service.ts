import { AppConfig } from '@app/config';
import { JOB_OPTIONS, JOBS, outboxNudgeChannel, PollSleep, QUEUES, redisOptions, withTimeout } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectionOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { OUTBOX_TOPICS } from '@app/registry/outbox/outbox';
import { markRescoreDue, RULE_SET_PREVIEW_TOPIC, subjectsDueBefore } from '@app/ratings';

/** The registry's subject announcements; rows written before the topic got its name say `rescore`. */
const SUBJECT_TOPICS = [OUTBOX_TOPICS.subjectChanged, 'rescore'];
const KNOWN_TOPICS = new Set<string>([...SUBJECT_TOPICS, RULE_SET_PREVIEW_TOPIC]);

const BATCH = 1000;
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5000;
const ADD_TIMEOUT_MS = 5000;
const PURGE_EVERY_MS = 10 * 60_000;
const KEEP_DELIVERED_MS = 7 * 24 * 3600_000;
/** A subject marked due for longer than this has lost its job (see sweepOnce); it is queued again. */
const SWEEP_EVERY_MS = 60_000;
const DUE_GRACE_MS = 60_000;

interface PendingRow {
  id: string;
  topic: string;
  subject_id: string;
}

/**
 * Moves outbox rows into their queues: the registry's subject announcements into the rescore queue, queued
 * rule-set previews into the previews queue. Rows are claimed with FOR UPDATE SKIP LOCKED, so several worker
 * replicas share the work without sending a row twice; a row is stamped delivered only after BullMQ accepted
 * its job, in the same transaction, which also marks the subjects due (ratings' own bookkeeping): a change
 * is always either still in the outbox or marked due until it is rated. While Redis is down the add fails fast (its own connection has no offline
 * queue), the transaction rolls back, and the rows wait; the loop backs off and drains them on return.
 *
 * Latency (B3): a process that committed outbox rows publishes a nudge (OutboxNudger); the relay, subscribed,
 * runs a pass at once instead of at its next idle poll. Nudges coalesce: one arriving while the loop sleeps
 * wakes it, any number arriving during a pass queue exactly one more pass, so a burst cannot stampede the
 * database. The poll (OUTBOX_POLL_MS) stays the backstop: a lost nudge costs latency, never a row.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private queue?: Queue;
  private previewQueue?: Queue;
  private running = false;
  private loop?: Promise<void>;
  private readonly pause = new PollSleep();
  private failing = false;
  private lastPurge = 0;
  private lastSweep = Date.now();
  private subscriber?: Redis;
  /** A nudge arrived since the current pass began: run another before sleeping. */
  private nudged = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queue = new Queue(QUEUES.rescore, {
      connection: redisOptions(this.config, 'producer') as ConnectionOptions,
      prefix: this.config.redis.prefix,
    });
    this.queue.on('error', () => undefined); // connection errors surface through relayOnce; don't crash
    this.previewQueue = new Queue(QUEUES.previews, {
      connection: redisOptions(this.config, 'producer') as ConnectionOptions,
      prefix: this.config.redis.prefix,
    });
    this.previewQueue.on('error', () => undefined);
    this.running = true;
    this.subscribe();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.pause.wake();
    await this.loop;
    this.subscriber?.disconnect();
    await this.queue?.close().catch(() => undefined);
    await this.previewQueue?.close().catch(() => undefined);
  }

  private async run(): Promise<void> {
    const idle = this.config.outboxPollMs;
    let delay = idle;
    while (this.running) {
      this.nudged = false;
      try {
        const moved = await this.relayOnce();
        this.recovered();
        await this.purge();
        if (Date.now() - this.lastSweep >= SWEEP_EVERY_MS) {
          this.lastSweep = Date.now();
          await this.sweepOnce();
        }
        delay = idle;
        if (moved === BATCH || this.nudged) continue; // more waiting, or announced during the pass: go on at once
      } catch (error) {
        this.failed(error);
        delay = Math.min(Math.max(delay, MIN_BACKOFF_MS) * 2, MAX_BACKOFF_MS);
      }
      await this.pause.sleep(delay);
    }
  }

  /**
   * Listens for nudges on a connection of its own (a subscribed connection can do nothing else). ioredis
   * reconnects and resubscribes after an outage; nudges published meanwhile are lost, which the poll covers.
   */
  private subscribe(): void {
    const channel = outboxNudgeChannel(this.config);
    const sub = new Redis({ ...redisOptions(this.config, 'bullmq'), connectionName: `${this.config.redis.prefix}:outbox-relay` });
    sub.on('error', () => undefined); // an outage shows in relayOnce's failures, logged once there
    sub.on('message', (from: string) => {
      if (from === channel) this.onNudge();
    });
    sub.subscribe(channel).catch(() => undefined); // queued until connected; resubscribed on reconnect
    this.subscriber = sub;
  }

  /** Wakes a sleeping loop; during a pass, marks one more pass due. Never cuts a failure back-off short. */
  private onNudge(): void {
    this.nudged = true;
    if (!this.failing) this.pause.wake();
  }

  /**
   * One batch: claim, enqueue (one job per subject; one per queued rule-set preview), stamp. Returns how many
   * rows were delivered. A row of a topic this relay does not know is stamped with a warning, so it cannot
   * block the rows behind it.
   */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction('READ COMMITTED', async (em) => {
      const rows: PendingRow[] = await em.query(
        'SELECT id, topic, subject_id FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED',
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const ofTopic = (topic: string) => rows.filter((r) => r.topic === topic).map((r) => String(r.subject_id));
      const subjects = [...new Set(SUBJECT_TOPICS.flatMap(ofTopic))];
      await markRescoreDue(em, subjects, new Date());
      const jobs = rescoreJobs(subjects);
      const previews = [...new Set(ofTopic(RULE_SET_PREVIEW_TOPIC))].map((previewId) => ({
        name: JOBS.ruleSetPreview.name,
        data: { previewId },
        opts: { ...JOB_OPTIONS.ruleSetPreview, jobId: `rule-set-preview-${previewId}` },
      }));
      const unknown = rows.filter((r) => !KNOWN_TOPICS.has(r.topic));
      if (unknown.length > 0) this.logger.warn({ ids: unknown.map((r) => String(r.id)), topics: [...new Set(unknown.map((r) => r.topic))] }, 'outbox rows of an unknown topic dropped');
      if (jobs.length > 0) await withTimeout(this.queue!.addBulk(jobs), ADD_TIMEOUT_MS);
      if (previews.length > 0) await withTimeout(this.previewQueue!.addBulk(previews), ADD_TIMEOUT_MS);
      await em.query('UPDATE outbox SET delivered_at = ? WHERE id IN (?)', [new Date(), rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /**
   * The outbox gives low latency; the due mark gives certainty. BullMQ ignores an add whose job id is still
   * active, so an event committed in the instant between a rescore's last check and its job's completion has
   * its message delivered but no job. Its subject stays marked due (the mark is cleared only with a rating of
   * the latest revision), and this sweep queues it again. Returns how many subjects it queued.
   */
  async sweepOnce(graceMs = DUE_GRACE_MS): Promise<number> {
    const due = await subjectsDueBefore(this.dataSource.manager, new Date(Date.now() - graceMs), BATCH);
    if (due.length === 0) return 0;
    await withTimeout(this.queue!.addBulk(rescoreJobs(due)), ADD_TIMEOUT_MS);
    return due.length;
  }

  /**
   * Queues one subject's rescore again at once, as the `followUp`-th follow-up: called once its finished job is
   * gone (its id free again) while its due mark is still there (see RescoreProcessor.afterCompleted).
   */
  async requeue(subjectId: string, followUp: number): Promise<void> {
    if (!this.queue) return;
    await withTimeout(this.queue.addBulk(rescoreJobs([subjectId], followUp)), ADD_TIMEOUT_MS);
  }

  /** Delivered rows are kept a week for inspection, then deleted in small slices. */
  private async purge(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.dataSource.query('DELETE FROM outbox WHERE delivered_at < ? LIMIT 10000', [new Date(Date.now() - KEEP_DELIVERED_MS)]);
  }

  private failed(error: unknown): void {
    if (this.failing) return; // one line per outage, not one per retry
    this.failing = true;
    this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'outbox relay paused: events stay in the outbox until the queue is reachable');
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.logger.log('outbox relay resumed');
  }

}

/** One job per subject, its id the subject's, so a burst for one subject coalesces into one waiting job. */
function rescoreJobs(subjectIds: readonly string[], followUp?: number) {
  return subjectIds.map((subjectId) => ({
    name: JOBS.rescoreSubject.name,
    data: followUp === undefined ? { subjectId } : { subjectId, followUp },
    opts: { ...JOB_OPTIONS.rescore, jobId: `subject-${subjectId}` },
  }));
}
