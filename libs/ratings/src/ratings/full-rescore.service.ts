import { shanghaiDate } from '@app/credit';
import { retryingTransaction } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { FullRescoreRun } from './full-rescore-run.entity';
import { FullRescoreLock } from './full-rescore-lock';
import { ruleSetInForce } from '../rule-sets/rule-set-in-force';
import { RatingChange } from './rating-writer';
import { rateSubjects } from './rate-subjects';
import { storeCurrentRatings } from './store-ratings';
import { subjectRowsAfter } from './subject-rows.reader';

export const DEFAULT_CHUNK = 1000;


export interface FullRescoreOptions {
  chunkSize?: number;
  asOf?: string;
  onProgress?: (p: FullRescoreProgress) => void;
}

export interface FullRescoreProgress {
  runId: string;
  done: number;
  total: number;
  changed: number;
}

/**
 * Rescores every subject (deductions expire with time, so grades move without new events). Subjects are taken
 * in id order in chunks of bounded size; each chunk reads raw rows (subjects, then their events, in two
 * queries), rates them in memory with libs/credit and writes the changes and the run's checkpoint in one
 * transaction. A run that dies resumes after its last committed chunk; rerunning a chunk changes nothing.
 * A subject whose events changed while its chunk was computed is skipped: its own rescore job covers it.
 */
@Injectable()
export class FullRescoreService {
  private readonly logger = new Logger(FullRescoreService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
  ) {}

  /**
   * Resumes the unfinished run of the same date, or starts one (as of today by default). One run at a time:
   * while another run (in any process) holds the lock this throws FullRescoreBusyError at once and touches nothing.
   */
  async run(options: FullRescoreOptions = {}): Promise<FullRescoreProgress> {
    const lock = await FullRescoreLock.acquire(this.dataSource);
    try {
      return await this.runHoldingLock(options);
    } finally {
      await lock.release();
    }
  }

  /** Only the lock holder opens, resumes or supersedes the checkpoint row. */
  private async runHoldingLock(options: FullRescoreOptions): Promise<FullRescoreProgress> {
    const run = await this.openRun(options.asOf ?? shanghaiDate(new Date()));
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    const total = Number((await this.dataSource.query('SELECT COUNT(*) AS n FROM subjects'))[0].n);
    const ruleSets = await this.ruleSets.bodies();
    const progress: FullRescoreProgress = { runId: run.id, done: run.subjectsDone, total, changed: run.ratingsChanged };
    for (;;) {
      const subjects = await subjectRowsAfter(this.dataSource.manager, run.lastSubjectId, chunkSize);
      if (subjects.length === 0) break;
      const changes = await rateSubjects(this.dataSource.manager, subjects, (type, day) => ruleSetInForce(ruleSets, type, day), run.asOf);
      run.lastSubjectId = String(subjects[subjects.length - 1].id);
      const changed = await this.commitChunk(run, changes, subjects.length);
      progress.done += subjects.length;
      progress.changed += changed;
      options.onProgress?.({ ...progress, total: Math.max(total, progress.done) });
    }
    await this.dataSource.getRepository(FullRescoreRun).update({ id: run.id }, { finishedAt: new Date() });
    this.logger.log({ runId: run.id, asOf: run.asOf, subjects: progress.done, changed: progress.changed }, 'full rescore finished');
    return progress;
  }

  private async openRun(asOf: string): Promise<FullRescoreRun> {
    const repo = this.dataSource.getRepository(FullRescoreRun);
    const open = await repo.findOne({ where: { finishedAt: IsNull() }, order: { id: 'DESC' } });
    if (open?.asOf === asOf) return open;
    // A run of an earlier day that never finished is superseded: today's run rates everyone as of today.
    if (open) await repo.update({ id: open.id }, { finishedAt: new Date() });
    const run = repo.create({ asOf, startedAt: new Date(), lastSubjectId: '0', subjectsDone: 0, ratingsChanged: 0, finishedAt: null });
    await repo.insert(run);
    return run;
  }

  /** The chunk's ratings and the checkpoint commit together: a crash never leaves one without the other. */
  private async commitChunk(run: FullRescoreRun, changes: RatingChange[], size: number): Promise<number> {
    return retryingTransaction(this.dataSource, async (em) => {
      const { changed } = await storeCurrentRatings(em, changes, new Date());
      // Local values only: the transaction may run again after a deadlock. One uncontended row: it adds next
      // to nothing to the time the feed's position lock is held.
      await em.getRepository(FullRescoreRun).update(
        { id: run.id },
        { lastSubjectId: run.lastSubjectId, subjectsDone: run.subjectsDone + size, ratingsChanged: run.ratingsChanged + changed },
      );
      return changed;
    }).then((changed) => {
      run.subjectsDone += size;
      run.ratingsChanged += changed;
      return changed;
    });
  }
}
