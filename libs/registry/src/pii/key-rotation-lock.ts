import { DomainError, ErrorCode } from '@app/common';
import { DataSource, QueryRunner } from 'typeorm';

/** Another `keys:rotate` is running: two would race over the same rows for nothing. */
export class KeyRotationBusyError extends DomainError {
  constructor() {
    super(ErrorCode.CONFLICT, 'a resident-ID key rotation is already running; try again later', { reason: 'KEY_ROTATION_RUNNING' });
    this.name = 'KeyRotationBusyError';
  }
}

/**
 * One rotation at a time, across processes: a MariaDB named lock held on a dedicated connection for the whole
 * run, never waited for, and released by the server when the process dies (a kill -9 leaves nothing stuck).
 * The name carries the database name because named locks are server-wide.
 */
export class KeyRotationLock {
  private constructor(
    private readonly runner: QueryRunner,
    private readonly name: string,
  ) {}

  static async acquire(dataSource: DataSource): Promise<KeyRotationLock> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ name }] = await runner.query(`SELECT LEFT(CONCAT('yibao:key-rotation:', DATABASE()), 64) AS name`);
      const [{ got }] = await runner.query('SELECT GET_LOCK(?, 0) AS got', [name]);
      if (Number(got) !== 1) throw new KeyRotationBusyError();
      return new KeyRotationLock(runner, String(name));
    } catch (e) {
      await runner.release();
      throw e;
    }
  }

  async release(): Promise<void> {
    try {
      await this.runner.query('DO RELEASE_LOCK(?)', [this.name]);
      await this.runner.release();
    } catch {
      // A broken connection has lost the lock with it; keep the pool from reusing it.
      (this.runner as unknown as { databaseConnection?: { destroy?: () => void } }).databaseConnection?.destroy?.();
      await this.runner.release().catch(() => undefined);
    }
  }
}
