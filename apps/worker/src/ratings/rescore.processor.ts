import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { shanghaiDate } from '@app/credit';
import { FullRescoreBusyError, FullRescoreProgress, FullRescoreService, isRescoreDue, markRescoreDue, RescoreResult, RescoreService } from '@app/ratings';
import { ListsRefreshService } from '@app/lists';
import { PenaltyExportService } from '@app/exports';
import { DisclosureService } from '@app/disclosures';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay.service';

/** Runs of one job when events keep arriving for its subject while it runs (the sweep covers the rest). */
const FOLLOW_UP_PASSES = 3;

/** Jobs a finished job may queue after itself for events that raced its end (bounded: then the sweep). */
const FOLLOW_UP_JOBS = 3;

export interface RescoreJobData {
  subjectId: string;
  /** Set on a job queued by afterCompleted: how many such jobs in a row. */
  followUp?: number;
}

/**
 * Consumes rescore jobs: marks the subject due (so a crash mid-way leaves a trace the sweep picks up; the
 * relay usually has already), then rates it from its stored events. Idempotent: running it twice stores the same rating.
 */
@Processor(QUEUES.rescore, { concurrency: 4 })
export class RescoreProcessor extends JobDispatcher {
  private readonly logger = new Logger(RescoreProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rescoring: RescoreService,
    private readonly fullRescore: FullRescoreService,
    private readonly lists: ListsRefreshService,
    private readonly exports: PenaltyExportService,
    private readonly disclosures: DisclosureService,
    @Optional() private readonly relay?: OutboxRelay,
  ) {
    super();
  }

  @OnJob(JOBS.rescoreSubject)
  async rescore(job: Job<RescoreJobData>): Promise<RescoreResult | null> {
    const { subjectId } = job.data;
    await markRescoreDue(this.dataSource.manager, [subjectId], new Date(job.timestamp));
    for (let pass = 1; ; pass++) {
      const result = await this.rescoring.rescore(subjectId);
      // The same processing run (domain.md §2: a revoked decision leaves every list within 3 working days; we
      // take seconds): the lists follow the events and rating just stored.
      await this.lists.refreshSubjects([subjectId]);
      // And the national-platform export (exports.md): a revoked decision's withdrawal lands in this same run.
      await this.exports.refreshSubjects([subjectId]);
      // And the public disclosures (domain.md §6): items resting on a revoked decision are withdrawn (撤回公告).
      await this.disclosures.refreshSubjects([subjectId]);
      // An event committed while this job ran had its job dropped (BullMQ ignores an add while the id is
      // active): its due mark is all that is left. Take it up now rather than a minute later by the sweep.
      if (pass >= FOLLOW_UP_PASSES || !(await isRescoreDue(this.dataSource.manager, subjectId))) return result;
    }
  }

  /**
   * The last gap: an event committed between a job's final due check and BullMQ removing the finished job had
   * its add ignored (the id was still taken). 'completed' is emitted once the job is gone, so a due mark still
   * there is queued again now — the add goes through — instead of a minute later by the relay's sweep.
   */
  @OnWorkerEvent('completed')
  async afterCompleted(job: Job<RescoreJobData>): Promise<void> {
    if (job.name !== JOBS.rescoreSubject.name || !this.relay) return;
    const followUp = (job.data.followUp ?? 0) + 1;
    if (followUp > FOLLOW_UP_JOBS) return;
    try {
      if (await isRescoreDue(this.dataSource.manager, job.data.subjectId)) await this.relay.requeue(job.data.subjectId, followUp);
    } catch (error) {
      // The mark stays; the sweep queues the subject later.
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'follow-up rescore not queued; the sweep will');
    }
  }

  /**
   * Chunked and checkpointed in the database: a retried or restarted job resumes where the last one stopped.
   * While another full rescore runs (an operator's `rescore --all`): if that run is as of today or later it does
   * this job's work, so the job is skipped with a log line; if it is an older day's, the job fails and BullMQ
   * retries it later with backoff.
   */
  @OnJob(JOBS.rescoreAll)
  async rescoreAll(job: Job<{ chunkSize?: number } | undefined>): Promise<FullRescoreProgress | { skipped: string }> {
    // The schedule sends no data (chunks of 1,000); an operator or a fault test may ask for smaller chunks.
    const chunkSize = Number.isInteger(job.data?.chunkSize) && job.data!.chunkSize! >= 1 ? Math.min(job.data!.chunkSize!, 10_000) : undefined;
    try {
      return await this.fullRescore.run({ chunkSize, onProgress: (p) => void job.updateProgress({ done: p.done, total: p.total }) });
    } catch (e) {
      if (!(e instanceof FullRescoreBusyError)) throw e;
      const today = shanghaiDate(new Date());
      if (e.asOf !== null && e.asOf >= today) {
        this.logger.log({ runId: e.runId, asOf: e.asOf }, 'full rescore skipped: another run as of today is in progress');
        return { skipped: e.message };
      }
      this.logger.warn({ runId: e.runId, asOf: e.asOf, attempt: job.attemptsMade + 1 }, 'full rescore busy; will retry later');
      throw e;
    }
  }
}
