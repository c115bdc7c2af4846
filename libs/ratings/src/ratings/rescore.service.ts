import { shanghaiDate, SubjectType } from '@app/credit';
import { retryingTransaction } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ruleSetInForce } from '../rule-sets/rule-set-in-force';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { cleanRecordOutcome } from './clean-record';
import { rateSubjects } from './rate-subjects';
import { headline, RatingOutcome } from './rating-outcome';
import { storeCurrentRatings } from './store-ratings';
import { subjectRowsByIds } from './subject-rows.reader';

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
 * the grade (or a practitioner's status) changed. Clears the subject's due mark only if no event arrived
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
    const ruleSets = await this.ruleSets.bodies();
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const subjects = await subjectRowsByIds(this.dataSource.manager, [subjectId]);
      if (subjects.length === 0) return null;
      // The same rating path as the full rescore and the rule-set preview.
      const [change] = await rateSubjects(this.dataSource.manager, subjects, (type, day) => ruleSetInForce(ruleSets, type, day), asOf);
      // READ COMMITTED: the locking read of a rating not stored yet takes no gap lock, so concurrent jobs
      // inserting neighbouring ratings do not deadlock; a deadlock that still happens is retried.
      const { stored, changed } = await retryingTransaction(this.dataSource, (em) => storeCurrentRatings(em, [change], now));
      if (stored.length === 1) return { subjectId, changed: changed > 0, grade: headline(change.outcome) };
    }
    this.logger.warn({ subjectId }, 'events kept changing while rating; left marked for the next rescore');
    return null;
  }

  /** What a subject without events is rated (the answer for subjects without a rating of their own). */
  async cleanRecord(type: SubjectType, asOf: string | null = null, agreementSignedOn: string | null = null): Promise<RatingOutcome> {
    const day = asOf ?? shanghaiDate(new Date());
    return cleanRecordOutcome(await this.ruleSets.inForce(type, day), day, agreementSignedOn);
  }
}
