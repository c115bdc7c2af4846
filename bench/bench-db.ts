import { loadConfig } from '@app/config';
import { typeOrmOptions } from '@app/database';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection, createPool, Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { progress } from './report';

export const ROOT = resolve(__dirname, '..');
/** The bench's own MariaDB and Redis (own ports, own data), so it never touches a developer's or the tests' data. */
export const BENCH_DATA_DIR = join(ROOT, '.data', 'bench');
export const BENCH_DB = 'yibao_bench';

// Settings the services script and the config loader read; a developer's shell may point them elsewhere.
const SERVER_VARS = ['DB_HOST', 'DB_PORT', 'DB_USER', 'DB_PASSWORD', 'DB_NAME', 'REDIS_HOST', 'REDIS_PORT', 'REDIS_PASSWORD'];

/**
 * Starts the bench's servers with the project's script (a no-op when already up), durable profile:
 * quality.md wants innodb_flush_log_at_trx_commit=1. A larger buffer pool than the script's 512M default keeps
 * B2's 2M events in memory for both the service and the baseline (override with DB_BUFFER_POOL).
 */
export function startServices(): void {
  const env: NodeJS.ProcessEnv = { ...process.env, SERVICES_DATA_DIR: BENCH_DATA_DIR, SERVICES_PROFILE: 'durable', DB_NAMES: BENCH_DB };
  for (const v of SERVER_VARS) delete env[v];
  env.DB_BUFFER_POOL = process.env.DB_BUFFER_POOL ?? '2G';
  const run = (...args: string[]): void => {
    execFileSync('bash', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  };
  run('scripts/services.sh', 'up');
  run('scripts/app-env.sh'); // the PII keys the config requires, kept in the bench's data folder
}

/**
 * The settings every part of the bench uses, in process.env as well: the Nest contexts' ConfigModule calls
 * loadConfig() with process.env, which must name the bench's servers and database, not the developer's.
 */
export function benchEnv(): Record<string, string> {
  const env: Record<string, string> = {
    ...parseEnvFile(join(BENCH_DATA_DIR, 'services.env')),
    ...parseEnvFile(join(BENCH_DATA_DIR, 'app.env')),
    SERVICES_DATA_DIR: BENCH_DATA_DIR,
    DB_NAME: BENCH_DB,
    QUEUE_PREFIX: BENCH_DB,
    // Production settings: no introspection, terse errors. Warnings still reach stderr.
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '10',
  };
  Object.assign(process.env, env);
  return env;
}

/** Drops and recreates env.DB_NAME (`yibao_bench`), then runs the project's migrations (schema, seeded rule sets). */
export async function recreateDatabase(env: Record<string, string>): Promise<void> {
  if (!env.DB_NAME.startsWith(BENCH_DB)) throw new Error(`refusing to drop ${env.DB_NAME}: not a bench database`);
  const conn = await createConnection({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USER, password: env.DB_PASSWORD });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${env.DB_NAME}\``);
    await conn.query(`CREATE DATABASE \`${env.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  const ds = new DataSource(typeOrmOptions(loadConfig(env, [])));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/**
 * A raw mysql2 pool for loading data and for the baselines, with the driver settings the service's TypeORM
 * connection uses (UTC, DATE as strings, BIGINT as strings), so both sides read the same values.
 */
export function rawPool(env: Record<string, string>, connectionLimit = 4): Pool {
  return createPool({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD,
    database: env.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectionLimit,
  });
}

/** Refuses to measure on a server that does not flush the log at each commit (quality.md). */
export async function assertDurable(pool: Pool): Promise<string> {
  const [rows] = await pool.query('SELECT @@innodb_flush_log_at_trx_commit AS flush, @@innodb_buffer_pool_size AS pool, VERSION() AS version');
  const r = (rows as { flush: string | number; pool: string | number; version: string }[])[0];
  if (Number(r.flush) !== 1) {
    throw new Error(`innodb_flush_log_at_trx_commit is ${r.flush}, quality.md requires 1: restart the bench servers with the durable profile`);
  }
  const info = `MariaDB ${r.version}, innodb_flush_log_at_trx_commit=1, buffer pool ${Math.round(Number(r.pool) / 2 ** 20)} MiB`;
  progress(info);
  return info;
}

function parseEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`${file} missing: scripts/services.sh up did not run`);
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}
