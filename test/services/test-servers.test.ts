import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, testEnv } from '../support/test-env';
import { finishTestServers, START_TEST_SERVERS, startTestServers, STOP_TEST_SERVERS, testServersRunning } from '../support/test-servers';

/**
 * What `npm test` does with its servers at the end (globalSetup + globalTeardown), on a scratch data folder
 * of this suite's own so the run's own servers are not touched: a run that started them stops them; a run
 * that found them running keeps them and names the command that stops them.
 */
const scratch = mkdtempSync(join(tmpdir(), 'test-servers-'));
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SERVICES_DATA_DIR: scratch, SERVICES_PROFILE: 'test', DB_NAMES: 'yibao_scratch' };
const services = (...args: string[]) => spawnSync('bash', ['scripts/services.sh', ...args], { cwd: ROOT, env, encoding: 'utf8' });

afterAll(() => {
  services('down');
  rmSync(scratch, { recursive: true, force: true });
});

describe('the test servers at the end of a run', () => {
  it('are stopped when the run started them', () => {
    expect(testServersRunning(env)).toBe(false);
    expect(startTestServers(env)).toEqual({ startedHere: true });
    expect(testServersRunning(env)).toBe(true);
    expect(finishTestServers(env, true)).toBe(`stopped the test servers this run started (to keep them warm between runs: ${START_TEST_SERVERS})`);
    expect(testServersRunning(env)).toBe(false);
  });

  it('are kept when they were already running, and the run names the command that stops them', () => {
    expect(services('up').status).toBe(0); // a developer's warm servers
    expect(startTestServers(env)).toEqual({ startedHere: false });
    expect(finishTestServers(env, false)).toBe(`test servers were already running and are kept; stop them with: ${STOP_TEST_SERVERS}`);
    expect(testServersRunning(env)).toBe(true);
  });
});

describe('npm run services -- <command> --test', () => {
  it("acts on the test suite's instance (.data/test), not the development one", () => {
    const r = spawnSync('bash', ['scripts/services.sh', 'status', '--test'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`mariadb: up   127.0.0.1:${testEnv().DB_PORT} `);
    expect(r.stdout).toContain(`redis:   up   127.0.0.1:${testEnv().REDIS_PORT} `);
  });
});
