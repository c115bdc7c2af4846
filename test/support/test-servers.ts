import { execFileSync, spawnSync } from 'node:child_process';
import { ROOT } from './test-env';

/** The one command that stops the test suite's servers (scripts/services.sh --test). */
export const STOP_TEST_SERVERS = 'npm run services -- down --test';
/** The one command that starts them ahead of time, so runs find them warm and leave them up. */
export const START_TEST_SERVERS = 'npm run services -- up --test';

function services(env: NodeJS.ProcessEnv, command: string, stdio: 'ignore' | 'inherit' = 'inherit'): number | null {
  return spawnSync('bash', ['scripts/services.sh', command], { cwd: ROOT, env, stdio: ['ignore', 'ignore', stdio] }).status;
}

/** Both servers of this data folder answer now. */
export function testServersRunning(env: NodeJS.ProcessEnv): boolean {
  return services(env, 'status', 'ignore') === 0;
}

/**
 * Brings the servers up (scripts/services.sh up, installing them when missing). `startedHere` says whether
 * this call started them, i.e. they were not both running before: then whoever called this stops them again.
 */
export function startTestServers(env: NodeJS.ProcessEnv): { startedHere: boolean } {
  const startedHere = !testServersRunning(env);
  execFileSync('bash', ['scripts/services.sh', 'up'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return { startedHere };
}

/**
 * The end of a run: stops the servers when this run started them (CI, a first run), keeps a developer's
 * warm ones. Returns the line to print, naming the command that stops (or keeps) them.
 */
export function finishTestServers(env: NodeJS.ProcessEnv, startedHere: boolean, stopCommand = STOP_TEST_SERVERS): string {
  if (!startedHere) return `test servers were already running and are kept; stop them with: ${stopCommand}`;
  const status = services(env, 'down', 'ignore');
  if (status !== 0) return `could not stop the test servers this run started (exit ${status}); stop them with: ${stopCommand}`;
  return `stopped the test servers this run started (to keep them warm between runs: ${START_TEST_SERVERS})`;
}
