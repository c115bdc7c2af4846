import { PenaltyExportService } from '@app/exports';
import { ListsDailyService } from '@app/lists';
import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';

/** The lists' and the penalty export's periodic work. Idempotent: a second run the same day changes nothing. */
@Processor(QUEUES.lists)
export class ListsProcessor extends JobDispatcher {
  constructor(
    private readonly daily: ListsDailyService,
    private readonly exports: PenaltyExportService,
  ) {
    super();
  }

  @OnJob(JOBS.listsDaily)
  run(): Promise<{ subjects: number; changes: number }> {
    return this.daily.run();
  }

  /** Withdraws exported penalties whose publication period (CF_GSJZQ) has passed. */
  @OnJob(JOBS.penaltyExportDaily)
  runExports(): Promise<{ subjects: number; changes: number }> {
    return this.exports.runDaily();
  }
}
