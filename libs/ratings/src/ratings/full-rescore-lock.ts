import { DomainError, ErrorCode } from '@app/common';
import { DataSource, QueryRunner } from 'typeorm';

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
 * One full rescore at a time, across processes: a MariaDB named lock (GET_LOCK) held on a dedicated connection
 * for the whole run. It never waits (timeout 0: the caller decides whether to refuse or retry later), and it
 * is released by the server if the process dies, so a kill -9 never leaves it stuck. The name carries the
 * database name, because named locks are server-wide and one server may hold several databases (tests, CI).
 */
export class FullRescoreLock {
  private constructor(
    private readonly runner: QueryRunner,
    private readonly name: string,
  ) {}

  /** Takes the lock, or throws FullRescoreBusyError naming the run that holds it. */
  static async acquire(dataSource: DataSource): Promise<FullRescoreLock> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ name }] = await runner.query(`SELECT LEFT(CONCAT('yibao:full-rescore:', DATABASE()), 64) AS name`);
      const [{ got }] = await runner.query('SELECT GET_LOCK(?, 0) AS got', [name]);
      if (Number(got) === 1) return new FullRescoreLock(runner, String(name));
      const [open] = await runner.query(
        'SELECT id, as_of, started_at FROM full_rescore_runs WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1',
      );
      throw new FullRescoreBusyError(open ? String(open.id) : null, open?.as_of ?? null, open ? new Date(open.started_at) : null);
    } catch (e) {
      await runner.release();
      throw e;
    }
  }

  /** Gives the lock back before the connection goes back to the pool (a pooled connection would keep it). */
  async release(): Promise<void> {
    try {
      await this.runner.query('DO RELEASE_LOCK(?)', [this.name]);
      await this.runner.release();
    } catch {
      // The connection is broken, and with it the lock is gone; make sure the pool does not reuse it.
      (this.runner as unknown as { databaseConnection?: { destroy?: () => void } }).databaseConnection?.destroy?.();
      await this.runner.release().catch(() => undefined);
    }
  }
}
