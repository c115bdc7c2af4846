import { CreditEvent, rate, RateInput, shanghaiDate, SubjectType } from '@app/credit';
import { retryingTransaction } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { headline, RatingOutcome, ratingOutcome } from './rating-outcome';
import { writeRatings } from './rating-writer';
import { PriorGrades, readPriorGrades } from './prior-grades.reader';
import { readCreditEvents, readSubjectForRating, SubjectForRating } from './subject-events.reader';

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
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const subject = await readSubjectForRating(this.dataSource.manager, subjectId);
      if (!subject) return null;
      const events = await readCreditEvents(this.dataSource.manager, subjectId);
      const prior = (await readPriorGrades(this.dataSource.manager, [subjectId])).get(subjectId) ?? [];
      const outcome = await this.compute(subject, events, shanghaiDate(now), prior);
      // READ COMMITTED: the locking read of a rating not stored yet takes no gap lock, so concurrent jobs
      // inserting neighbouring ratings do not deadlock; a deadlock that still happens is retried.
      const result = await retryingTransaction(this.dataSource, (em) => this.store(em, subject, outcome, now));
      if (result.settled) return result.result;
    }
    this.logger.warn({ subjectId }, 'events kept changing while rating; left marked for the next rescore');
    return null;
  }

  async compute(subject: SubjectForRating, events: CreditEvent[], asOf: string, priorGrades: PriorGrades = []): Promise<RatingOutcome> {
    const ruleSet = await this.ruleSets.inForce(subject.type, asOf);
    const input = {
      subjectType: subject.type,
      ruleSet,
      events,
      asOf,
      subject: { agreementSignedOn: subject.agreementSignedOn },
      priorGrades: priorGrades.filter((g) => g.year < Number(asOf.slice(0, 4))),
    } as RateInput;
    return ratingOutcome(rate(input));
  }

  private async store(
    em: EntityManager,
    subject: SubjectForRating,
    outcome: RatingOutcome,
    now: Date,
  ): Promise<{ settled: boolean; result: RescoreResult }> {
    const revision: { event_revision: number }[] = await em.query('SELECT event_revision FROM subjects WHERE id = ? FOR UPDATE', [subject.id]);
    const result = { subjectId: subject.id, changed: false, grade: headline(outcome) };
    if (Number(revision[0]?.event_revision) !== subject.eventRevision) return { settled: false, result };
    const clean = headline(await this.cleanRecord(subject.type));
    const changes = [{ subjectId: subject.id, eventRevision: subject.eventRevision, outcome }];
    result.changed = (await writeRatings(em, changes, () => clean, now)) > 0;
    // The subject row is locked and its revision checked above: no event can slip in between.
    await em.query('UPDATE subjects SET rescore_due_since = NULL WHERE id = ?', [subject.id]);
    return { settled: true, result };
  }

  /** What a subject without events is rated (the answer for subjects without a rating of their own). */
  async cleanRecord(type: SubjectType, asOf: string | null = null): Promise<RatingOutcome> {
    const subject = { id: '0', type, agreementSignedOn: null, eventRevision: 0 };
    return this.compute(subject, [], asOf ?? shanghaiDate(new Date()));
  }

}
