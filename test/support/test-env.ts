import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/** The test suite's own servers and data (fast, non-durable settings), apart from a developer's instance. */
export const TEST_DATA_DIR = join(ROOT, '.data', 'test');

export function servicesEnv(): NodeJS.ProcessEnv {
  return { ...process.env, SERVICES_DATA_DIR: TEST_DATA_DIR, SERVICES_PROFILE: 'test', DB_NAMES: 'yibao_test' };
}

function parseEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`${file} missing: the test globalSetup did not run`);
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** The settings a test process uses: the test servers, and one database and queue prefix per Jest worker. */
export function testEnv(workerId = process.env.JEST_WORKER_ID ?? '1'): Record<string, string> {
  return {
    ...parseEnvFile(join(TEST_DATA_DIR, 'services.env')),
    ...parseEnvFile(join(TEST_DATA_DIR, 'app.env')),
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_NAME: `yibao_test_${workerId}`,
    QUEUE_PREFIX: `yibao_test_${workerId}`,
    DB_POOL_SIZE: '5',
    SERVICES_DATA_DIR: TEST_DATA_DIR,
  };
}
