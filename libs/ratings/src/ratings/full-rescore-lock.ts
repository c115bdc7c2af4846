import { DomainError, ErrorCode } from '@app/common';
import { NamedLock } from '@app/database';
import { DataSource } from 'typeorm';

/**
 * Another full rescore holds the lock: the nightly job and `rescore --all` share one checkpoint row
 * (full_rescore_runs), so a second run would overwrite the first one's progress. `asOf` and `startedAt`
 * describe the run in progress when its row is already written (null in the instant before that).
 */
export class FullRescoreBusyError extends DomainError {
  constructor(
    readonly runId: string | null,
    readonly asOf: string | null,
    readonly startedAt: Date | null,
  ) {
    const what = runId ? `run ${runId} as of ${asOf}, started ${startedAt?.toISOString()}` : 'just started';
    super(ErrorCode.CONFLICT, `a full rescore is already running (${what}); try again later`, { reason: 'FULL_RESCORE_RUNNING' });
    this.name = 'FullRescoreBusyError';
  }
}

/**
 * One full rescore at a time, across processes (a named lock for the whole run: libs/database NamedLock). A
 * refusal names the run that holds it, from its checkpoint row.
 */
export const FullRescoreLock = {
  async acquire(dataSource: DataSource): Promise<NamedLock> {
    const lock = await NamedLock.tryAcquire(dataSource, 'full-rescore');
    if (lock) return lock;
    const [open] = await dataSource.query('SELECT id, as_of, started_at FROM full_rescore_runs WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1');
    throw new FullRescoreBusyError(open ? String(open.id) : null, open?.as_of ?? null, open ? new Date(open.started_at) : null);
  },
};
