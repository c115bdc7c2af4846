import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';

export interface RescoreJobData {
  subjectId: string;
}

/**
 * Consumes the outbox's rescore messages. Until ratings are computed (issue 4) it records, in
 * subjects.rescore_due_since, that the subject's rating is stale and since when; the rating computation will
 * read and clear that column. Idempotent: a repeated job keeps the earliest time.
 */
@Processor(QUEUES.rescore, { concurrency: 4 })
export class RescoreProcessor extends JobDispatcher {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  @OnJob(JOBS.rescoreSubject)
  async rescore(job: Job<RescoreJobData>): Promise<{ subjectId: string; marked: boolean }> {
    const { subjectId } = job.data;
    const result: { affectedRows: number } = await this.dataSource.query(
      'UPDATE subjects SET rescore_due_since = COALESCE(rescore_due_since, ?) WHERE id = ?',
      [new Date(job.timestamp), subjectId],
    );
    return { subjectId, marked: result.affectedRows === 1 };
  }
}
