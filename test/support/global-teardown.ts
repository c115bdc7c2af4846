import 'tsconfig-paths/register';
import { finishTestServers } from './test-servers';
import { servicesEnv } from './test-env';

/**
 * Runs once after the integration suites: stops the test MariaDB and Redis if this run's globalSetup started
 * them, and says which command stops them when they were already running (and are kept). Jest gives
 * globalTeardown the same globalThis as globalSetup.
 */
export default async function globalTeardown(): Promise<void> {
  const startedHere = (globalThis as { __testServersStartedHere?: boolean }).__testServersStartedHere;
  if (startedHere === undefined) return; // globalSetup did not get as far as the servers
  process.stderr.write(`[global-teardown] ${finishTestServers(servicesEnv(), startedHere)}\n`);
}
