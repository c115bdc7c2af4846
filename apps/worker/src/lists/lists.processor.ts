import { ListsDailyService } from '@app/lists';
import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';

/** The lists' periodic work. Idempotent: a second run the same day changes nothing. */
@Processor(QUEUES.lists)
export class ListsProcessor extends JobDispatcher {
  constructor(private readonly daily: ListsDailyService) {
    super();
  }

  @OnJob(JOBS.listsDaily)
  run(): Promise<{ subjects: number; changes: number }> {
    return this.daily.run();
  }
}
