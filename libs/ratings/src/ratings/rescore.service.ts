import { shanghaiDate, SubjectType } from '@app/credit';
import { retryingTransaction } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ruleSetInForce } from '../rule-sets/rule-set-in-force';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { cleanRecordOutcome } from './clean-record';
import { rateSubjects, SubjectRow } from './rate-subjects';
import { headline, RatingOutcome } from './rating-outcome';
import { RatingChange, writeRatings } from './rating-writer';

/** A subject whose events keep changing while it is rated is rated again, at most this often per job. */
const MAX_PASSES = 5;

export interface RescoreResult {
  subjectId: string;
  changed: boolean;
  grade: string | null;
}

/**
 * Rates one subject from its stored events with the rule set in force today (libs/credit), and records the
 * result: the current rating, a history row when anything a reader acts on changed, and a notification when
 * the grade (or a practitioner's status) changed. Clears the subject's rescore mark only if no event arrived
 * meanwhile (its event revision is unchanged); otherwise it rates again, so a job never leaves a stale rating.
 */
@Injectable()
export class RescoreService {
  private readonly logger = new Logger(RescoreService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
  ) {}

  async rescore(subjectId: string, now = new Date()): Promise<RescoreResult | null> {
    const asOf = shanghaiDate(now);
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const [subject]: SubjectRow[] = await this.dataSource.query(
        'SELECT id, type, agreement_signed_on, event_revision FROM subjects WHERE id = ?',
        [subjectId],
      );
      if (!subject) return null;
      const ruleSet = ruleSetInForce(await this.ruleSets.bodies(subject.type), subject.type, asOf);
      // The same rating path as the full rescore and the rule-set preview.
      const [change] = await rateSubjects(this.dataSource.manager, [subject], () => ruleSet, asOf);
      const clean = headline(cleanRecordOutcome(ruleSet, asOf));
      // READ COMMITTED: the locking read of a rating not stored yet takes no gap lock, so concurrent jobs
      // inserting neighbouring ratings do not deadlock; a deadlock that still happens is retried.
      const result = await retryingTransaction(this.dataSource, (em) => this.store(em, change, clean, now));
      if (result.settled) return result.result;
    }
    this.logger.warn({ subjectId }, 'events kept changing while rating; left marked for the next rescore');
    return null;
  }

  private async store(em: EntityManager, change: RatingChange, clean: string, now: Date): Promise<{ settled: boolean; result: RescoreResult }> {
    const revision: { event_revision: number }[] = await em.query('SELECT event_revision FROM subjects WHERE id = ? FOR UPDATE', [change.subjectId]);
    const result = { subjectId: change.subjectId, changed: false, grade: headline(change.outcome) };
    if (Number(revision[0]?.event_revision) !== change.eventRevision) return { settled: false, result };
    result.changed = (await writeRatings(em, [change], () => clean, now)) > 0;
    // The subject row is locked and its revision checked above: no event can slip in between.
    await em.query('UPDATE subjects SET rescore_due_since = NULL WHERE id = ?', [change.subjectId]);
    return { settled: true, result };
  }

  /** What a subject without events is rated (the answer for subjects without a rating of their own). */
  async cleanRecord(type: SubjectType, asOf: string | null = null): Promise<RatingOutcome> {
    const day = asOf ?? shanghaiDate(new Date());
    return cleanRecordOutcome(await this.ruleSets.inForce(type, day), day);
  }
}
