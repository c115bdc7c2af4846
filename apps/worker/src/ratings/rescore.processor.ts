import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { FullRescoreProgress, FullRescoreService, markRescoreDue, RescoreResult, RescoreService } from '@app/ratings';
import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';

export interface RescoreJobData {
  subjectId: string;
}

/**
 * Consumes rescore jobs: marks the subject due (so a crash mid-way leaves a trace the sweep picks up; the
 * relay usually has already), then rates it from its stored events. Idempotent: running it twice stores the same rating.
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
    await markRescoreDue(this.dataSource.manager, [subjectId], new Date(job.timestamp));
    return this.rescoring.rescore(subjectId);
  }

  /** Chunked and checkpointed in the database: a retried or restarted job resumes where the last one stopped. */
  @OnJob(JOBS.rescoreAll)
  async rescoreAll(job: Job): Promise<FullRescoreProgress> {
    return this.fullRescore.run({ onProgress: (p) => void job.updateProgress({ done: p.done, total: p.total }) });
  }
}
