import { currentPeriod, DisclosureKind, isDisclosureKind, previousPeriod, shanghaiDate } from '@app/credit';
import { DisclosureService } from '@app/disclosures';
import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

export interface DisclosureJobData {
  kind: DisclosureKind;
  /** Absent on scheduled runs: the last whole period before the run's day (Asia/Shanghai), or with `current` the period containing it. */
  period?: string;
  current?: boolean;
  regionCode?: string | null;
}

/**
 * Builds one disclosure (kind, period, region) through the same service as the API's generateDisclosure.
 * Idempotent: a retried or repeated run finds the same content hash and returns the existing version, so a
 * period never gets a second publication; an auto-published kind is published in the run that drafted it.
 */
@Processor(QUEUES.disclosures)
export class DisclosuresProcessor extends JobDispatcher {
  constructor(private readonly disclosures: DisclosureService) {
    super();
  }

  @OnJob(JOBS.disclosureGenerate)
  async generate(job: Job<DisclosureJobData>): Promise<{ id: string; version: number; status: string; created: boolean }> {
    const { kind, regionCode } = job.data;
    if (!isDisclosureKind(kind)) throw new UnrecoverableError(`unknown disclosure kind ${JSON.stringify(kind)}`);
    const day = shanghaiDate(new Date(job.timestamp));
    const period = job.data.period ?? (job.data.current ? currentPeriod(kind, day) : previousPeriod(kind, day)).label;
    const { disclosure, created } = await this.disclosures.generate(kind, period, regionCode ?? null, 'system:disclosures');
    return { id: disclosure.id, version: disclosure.version, status: disclosure.status, created };
  }
}
