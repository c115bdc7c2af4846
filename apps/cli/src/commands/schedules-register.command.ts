import { AppConfig } from '@app/config';
import { JOB_OPTIONS, redisOptions, SCHEDULES } from '@app/queue';
import { ConnectionOptions, Queue } from 'bullmq';
import { Command, CommandRunner } from 'nest-commander';
import { out } from '../cli-output';

/**
 * Registers the periodic jobs as BullMQ job schedulers with stable ids: running it again updates them in
 * place instead of adding duplicates, and no app registers schedules on boot.
 */
@Command({ name: 'schedules:register', description: 'create or update the periodic job schedulers' })
export class SchedulesRegisterCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const queues = new Map<string, Queue>();
    try {
      for (const s of SCHEDULES) {
        let queue = queues.get(s.job.queue);
        if (!queue) {
          queue = new Queue(s.job.queue, { connection: redisOptions(this.config, 'bullmq') as ConnectionOptions, prefix: this.config.redis.prefix });
          queues.set(s.job.queue, queue);
        }
        await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: s.tz }, { name: s.job.name, data: 'data' in s ? s.data : undefined, opts: JOB_OPTIONS.default });
        out(`scheduled ${s.id}: ${s.job.queue}/${s.job.name} at "${s.pattern}" ${s.tz}`);
      }
    } finally {
      await Promise.all([...queues.values()].map((q) => q.close()));
    }
  }
}
