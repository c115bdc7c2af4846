import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('npm run services -- up when another checkout takes the port first', () => {
  // Two checkouts starting at the same moment both see the same port free; the one that loses the bind must
  // move on. A socket bound without listening reproduces that: the free-port probe (a connect) sees the port
  // free, and the daemon's bind fails with "Address already in use".
  const raceDir = mkdtempSync(join(tmpdir(), 'port-race-'));
  const raceEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SERVICES_DATA_DIR: raceDir, SERVICES_PROFILE: 'test', DB_NAMES: 'yibao_race' };
  const holder = `import socket, sys, time
a = socket.socket(); a.bind(('127.0.0.1', 0))
b = socket.socket(); b.bind(('127.0.0.1', 0))
sys.stdout.write('%d %d\\n' % (a.getsockname()[1], b.getsockname()[1])); sys.stdout.flush()
time.sleep(120)`;
  let held: ReturnType<typeof spawn> | undefined;

  afterAll(() => {
    held?.kill('SIGKILL');
    spawnSync('bash', ['scripts/services.sh', 'down'], { cwd: ROOT, env: raceEnv, encoding: 'utf8' });
    rmSync(raceDir, { recursive: true, force: true });
  });

  it('retries mariadb and redis on other ports', async () => {
    held = spawn('python3', ['-c', holder], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [dbPort, redisPort] = await firstLine(held).then((line) => line.split(' ').map(Number));
    // The ports "this checkout used last time": not fixed by the environment, so the script may move.
    writeFileSync(join(raceDir, 'services.env'), `DB_PORT=${dbPort}\nREDIS_PORT=${redisPort}\n`);
    const up = spawnSync('bash', ['scripts/services.sh', 'up'], { cwd: ROOT, env: raceEnv, encoding: 'utf8' });
    expect(up.stderr).toContain('mariadb lost a race for its port');
    expect(up.stderr).toContain('redis lost a race for its port');
    expect(up.status).toBe(0);
    const saved = readFileSync(join(raceDir, 'services.env'), 'utf8');
    const port = (name: string) => Number(new RegExp(`^${name}=(\\d+)$`, 'm').exec(saved)?.[1]);
    expect(port('DB_PORT')).not.toBe(dbPort);
    expect(port('REDIS_PORT')).not.toBe(redisPort);
    expect(spawnSync('bash', ['scripts/services.sh', 'status'], { cwd: ROOT, env: raceEnv, encoding: 'utf8' }).stdout).toContain(`mariadb: up   127.0.0.1:${port('DB_PORT')} `);
  });
});

/** The first line a child writes, however the pipe splits it. */
function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += String(d);
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')).trim());
    });
    child.once('exit', (code) => reject(new Error(`the port holder exited with ${code} before printing its ports`)));
  });
}
