import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { FullRescoreProgress, FullRescoreService, RescoreResult, RescoreService } from '@app/ratings';
import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';

export interface RescoreJobData {
  subjectId: string;
}

/**
 * Consumes the outbox's rescore messages: marks the subject due (so a crash mid-way leaves a trace the full
 * rescore picks up), then rates it from its stored events. Idempotent: running it twice stores the same rating.
 */
@Processor(QUEUES.rescore, { concurrency: 4 })
export class RescoreProcessor extends JobDispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rescoring: RescoreService,
    private readonly fullRescore: FullRescoreService,
  ) {
    super();
  }

  @OnJob(JOBS.rescoreSubject)
  async rescore(job: Job<RescoreJobData>): Promise<RescoreResult | null> {
    const { subjectId } = job.data;
    await this.dataSource.query('UPDATE subjects SET rescore_due_since = COALESCE(rescore_due_since, ?) WHERE id = ?', [
      new Date(job.timestamp),
      subjectId,
    ]);
    return this.rescoring.rescore(subjectId);
  }

  /** Chunked and checkpointed in the database: a retried or restarted job resumes where the last one stopped. */
  @OnJob(JOBS.rescoreAll)
  async rescoreAll(job: Job): Promise<FullRescoreProgress> {
    return this.fullRescore.run({ onProgress: (p) => void job.updateProgress({ done: p.done, total: p.total }) });
  }
}
