import { DataSource, QueryRunner } from 'typeorm';

/**
 * A MariaDB named lock (GET_LOCK) held on a dedicated connection for a whole run: "one at a time, across
 * processes" for long operator jobs (the full rescore, the key rotation). It never waits (timeout 0: the
 * caller decides whether to refuse or retry later), and the server releases it when the process dies, so a
 * kill -9 never leaves it stuck. The name carries the database name, because named locks are server-wide and
 * one server may hold several databases (tests, CI).
 */
export class NamedLock {
  private constructor(
    private readonly runner: QueryRunner,
    private readonly name: string,
  ) {}

  /** Takes the lock `yibao:<purpose>:<database>`, or returns null when another connection holds it. */
  static async tryAcquire(dataSource: DataSource, purpose: string): Promise<NamedLock | null> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ name }] = await runner.query(`SELECT LEFT(CONCAT('yibao:', ?, ':', DATABASE()), 64) AS name`, [purpose]);
      const [{ got }] = await runner.query('SELECT GET_LOCK(?, 0) AS got', [name]);
      if (Number(got) === 1) return new NamedLock(runner, String(name));
      await runner.release();
      return null;
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
