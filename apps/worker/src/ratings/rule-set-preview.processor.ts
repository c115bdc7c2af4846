import { JobDispatcher, JOBS, OnJob, QUEUES } from '@app/queue';
import { RuleSetPreview, RuleSetPreviewService } from '@app/ratings';
import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';

export interface RuleSetPreviewJobData {
  previewId: string;
}

/**
 * Computes a queued rule-set preview (previewRuleSet over RULE_SET_PREVIEW_INLINE_MAX subjects) in keyset
 * chunks, checkpointed in its row; one at a time, so the comparisons never crowd out other work. The last
 * failed attempt marks the preview FAILED, so a caller polling it learns that it will not finish.
 */
@Processor(QUEUES.previews, { concurrency: 1 })
export class RuleSetPreviewProcessor extends JobDispatcher {
  private readonly logger = new Logger(RuleSetPreviewProcessor.name);

  constructor(private readonly previews: RuleSetPreviewService) {
    super();
  }

  @OnJob(JOBS.ruleSetPreview)
  async compute(job: Job<RuleSetPreviewJobData>): Promise<Pick<RuleSetPreview, 'id' | 'status' | 'subjectsCompared' | 'gradeChanges'>> {
    const { previewId } = job.data;
    try {
      const p = await this.previews.runQueued(previewId, (p) => void job.updateProgress({ done: p.subjectsCompared, total: p.subjectsTotal }));
      this.logger.log({ previewId, subjects: p.subjectsCompared, gradeChanges: p.gradeChanges }, 'rule-set preview done');
      return { id: p.id, status: p.status, subjectsCompared: p.subjectsCompared, gradeChanges: p.gradeChanges };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.previews.markFailed(previewId, message);
        this.logger.error({ previewId, err: message }, 'rule-set preview failed');
      }
      throw e;
    }
  }
}
