import { AuditService } from '@app/audit';
import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';

/** Nightly walk of the audit chain: a broken chain fails the job, which alerting picks up from the failed set. */
@Processor(QUEUES.maintenance)
export class AuditVerifyProcessor extends JobDispatcher {
  private readonly logger = new Logger(AuditVerifyProcessor.name);

  constructor(private readonly audit: AuditService) {
    super();
  }

  @OnJob(JOBS.auditVerify)
  async verify(): Promise<{ rows: number; head: { seq: string; hash: string } }> {
    const result = await this.audit.verify();
    if (!result.ok) {
      this.logger.error({ firstBad: result.firstBad }, 'audit chain broken');
      throw new Error(`audit chain broken at seq ${result.firstBad?.seq} (${result.firstBad?.problem})`);
    }
    this.logger.log({ rows: result.rows, head: result.head.seq }, 'audit chain verified');
    return { rows: result.rows, head: result.head };
  }
}
