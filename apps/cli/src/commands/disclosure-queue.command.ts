import { AppConfig } from '@app/config';
import { DisclosureKind, isDisclosureKind, parseDisclosurePeriod } from '@app/credit';
import { disclosureJobId, JOB_OPTIONS, JOBS, redisOptions } from '@app/queue';
import { ConnectionOptions, Queue } from 'bullmq';
import { Command, CommandRunner, Option } from 'nest-commander';
import { out } from '../cli-output';

/**
 * Queues one disclosure run for the worker, with the deterministic job id `disclosure:KIND:PERIOD[@REGION]`: a
 * second call while the first is waiting or running is the same job (BullMQ ignores the add).
 */
@Command({ name: 'disclosure:queue', description: 'queue the build of one disclosure (kind, period, optional region) for the worker' })
export class DisclosureQueueCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(_args: string[], options: { kind: DisclosureKind; period: string; region?: string }): Promise<void> {
    const parsed = parseDisclosurePeriod(options.kind, options.period);
    if (!parsed.ok) throw new Error(parsed.message);
    if (options.region !== undefined && !/^\d{6}$/.test(options.region)) throw new Error('a region code is 6 digits');
    const queue = new Queue(JOBS.disclosureGenerate.queue, { connection: redisOptions(this.config, 'bullmq') as ConnectionOptions, prefix: this.config.redis.prefix });
    try {
      const jobId = disclosureJobId(options.kind, options.period, options.region);
      // A finished job of the same id is removed at once (removeOnComplete), so a re-run is a new job.
      await queue.add(JOBS.disclosureGenerate.name, { kind: options.kind, period: options.period, regionCode: options.region ?? null }, { ...JOB_OPTIONS.disclosure, jobId });
      out(`queued ${jobId}`);
    } finally {
      await queue.close();
    }
  }

  @Option({ flags: '--kind <kind>', description: `one of ${Object.values(DisclosureKind).join(', ')}`, required: true })
  parseKind(value: string): DisclosureKind {
    if (!isDisclosureKind(value)) throw new Error(`unknown kind ${value}`);
    return value;
  }

  @Option({ flags: '--period <period>', description: '2026-10 (month), 2026-Q3 (quarter) or 2026-H2 (half-year)', required: true })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({ flags: '--region <code>', description: 'a 6-digit region code (default: every region)' })
  parseRegion(value: string): string {
    return value;
  }
}
