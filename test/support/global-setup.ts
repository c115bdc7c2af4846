// globalSetup runs outside Jest's module mapper: resolve the @app/* aliases from tsconfig.json here.
import 'tsconfig-paths/register';
import { execFileSync } from 'node:child_process';
import { finishTestServers, startTestServers } from './test-servers';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/src/load-config';
import { typeOrmOptions } from '../../libs/database/src/typeorm-options';
import { ROOT, servicesEnv, testEnv } from './test-env';

/**
 * Runs once before the integration suites: starts the test MariaDB and Redis with the project's own script
 * (installing them when missing), then gives every Jest worker a freshly migrated database of its own.
 * globalTeardown stops the servers again if this run started them.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const started = Date.now();
  const { startedHere } = startTestServers(servicesEnv());
  try {
    execFileSync('bash', ['scripts/app-env.sh'], { cwd: ROOT, env: servicesEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
    for (let w = 1; w <= Math.max(1, globalConfig.maxWorkers); w++) {
      await recreateDatabase(testEnv(String(w)));
      const ds = new DataSource(typeOrmOptions(loadConfig(testEnv(String(w)), [])));
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
    }
  } catch (e) {
    // Jest skips globalTeardown when globalSetup fails: do its part here.
    process.stderr.write(`[global-setup] ${finishTestServers(servicesEnv(), startedHere)}\n`);
    throw e;
  }
  // For globalTeardown (test/support/global-teardown.ts), which sees the same globalThis.
  (globalThis as { __testServersStartedHere?: boolean }).__testServersStartedHere = startedHere;
  process.stderr.write(`\n[global-setup] test servers up and ${globalConfig.maxWorkers} database(s) migrated in ${Date.now() - started} ms\n`);
}

export async function recreateDatabase(env: Record<string, string>, name = env.DB_NAME): Promise<void> {
  const conn = await createConnection({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USER, password: env.DB_PASSWORD });
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
}
