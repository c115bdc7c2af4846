import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createPool, Pool } from 'mysql2/promise';
import { freePort } from '../../support/own-redis';
import { ROOT } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';

/** Variables of the caller's environment that would point a spawned process at other servers. */
const FOREIGN = /^(DB_|REDIS_|QUEUE_PREFIX$|PORT$|WORKER_PORT$|SERVICES_|PII_|JEST_WORKER_ID$|LOG_LEVEL$|DISCLOSURE_|WEBHOOK_)/;

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

/**
 * One fault scenario's own world: a MariaDB and a Redis of its own (scripts/services.sh with their own data
 * folder under .data/faults and ports of their own, test profile), so stopping or restarting them disturbs no
 * other suite, and the API and the worker as real processes (the repo's entry points), which the scenario may
 * kill -9 and start again.
 */
export class FaultStack {
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly processes = new Map<'api' | 'worker', ChildProcess>();
  private pool?: Pool;

  private constructor(
    readonly name: string,
    readonly ports: { db: number; redis: number; api: number; worker: number },
    extraEnv: Record<string, string>,
  ) {
    this.dataDir = join(ROOT, '.data', 'faults', name);
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !FOREIGN.test(k)));
    this.env = {
      ...base,
      SERVICES_DATA_DIR: this.dataDir,
      SERVICES_PROFILE: 'test',
      DB_NAMES: 'yibao_faults',
      DB_PORT: String(ports.db),
      REDIS_PORT: String(ports.redis),
      DB_BUFFER_POOL: '64M',
      PORT: String(ports.api),
      WORKER_PORT: String(ports.worker),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: `faults_${name}`,
      DB_POOL_SIZE: '5',
      ...extraEnv,
    };
  }

  /** Fresh servers (data folder wiped), the app's secrets, the migrated database. */
  static async start(name: string, extraEnv: Record<string, string> = {}): Promise<FaultStack> {
    const ports = { db: await freePort(), redis: await freePort(), api: await freePort(), worker: await freePort() };
    const stack = new FaultStack(name, ports, extraEnv);
    stack.services('down');
    rmSync(stack.dataDir, { recursive: true, force: true });
    mkdirSync(stack.dataDir, { recursive: true });
    stack.services('up');
    run('bash', ['scripts/app-env.sh'], stack.env);
    const migrated = stack.cli('migrate');
    if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
    return stack;
  }

  /** scripts/services.sh on this stack's data folder: up, down, stop-redis, stop-mariadb. */
  services(command: 'up' | 'down' | 'stop-redis' | 'stop-mariadb'): void {
    run('bash', ['scripts/services.sh', command], this.env);
  }

  /** Runs `npm run cli -- ...` (the same entry point) against this stack. */
  cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [...TS_NODE, 'apps/cli/src/main.ts', ...args], { cwd: ROOT, env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** Spawns the API or the worker (`npm run start:api|start:worker`'s command) and waits until /health/live answers from it. */
  async spawn(which: 'api' | 'worker', extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
    const log = createWriteStream(join(this.dataDir, `${which}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [...SERVICE_FLAGS, ...TS_NODE, `apps/${which}/src/main.ts`], { cwd: ROOT, env: { ...this.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.processes.set(which, child);
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`${which} exited with ${child.exitCode}: ${this.logTail(which)}`);
      const live = await this.health(which, 'live');
      return live.status === 200 && live.body?.pid === child.pid;
    }, 90_000, 200).catch((e) => {
      throw new Error(`${which} did not come up: ${String(e)}\n${this.logTail(which)}`);
    });
    return child;
  }

  /** kill -9 (no shutdown hooks, no job finished) or SIGTERM (graceful); resolves when the process is gone. */
  async kill(which: 'api' | 'worker', signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.processes.get(which);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.processes.delete(which);
  }

  /** GET /health/live or /health/ready of the API (PORT) or the worker (WORKER_PORT); status 0 when nothing answers. */
  async health(which: 'api' | 'worker', probe: 'live' | 'ready'): Promise<HttpAnswer> {
    const port = which === 'api' ? this.ports.api : this.ports.worker;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/${probe}`, { signal: AbortSignal.timeout(5000) });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
    } catch {
      return { status: 0, body: null };
    }
  }

  /** Waits until a health probe says `status`, returning its body. */
  async healthBecomes(which: 'api' | 'worker', probe: 'live' | 'ready', status: number, timeoutMs = 30_000): Promise<HttpAnswer> {
    return waitFor(async () => {
      const a = await this.health(which, probe);
      return a.status === status ? a : null;
    }, timeoutMs, 100);
  }

  /** POST /graphql to the API process. */
  async gql(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<{ data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
    const res = await fetch(`http://127.0.0.1:${this.ports.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as never;
  }

  /** An API key of a role, made with the operator's command (the key is the last line of stdout). */
  apiKey(role: string): string {
    const r = this.cli('apikey:create', '--role', role, '--name', `faults ${role}`);
    if (r.status !== 0) throw new Error(`apikey:create failed: ${r.stderr}`);
    return r.stdout.trim().split('\n').pop()!;
  }

  /** SQL on this stack's database, through a pool that reconnects after a restart of MariaDB. */
  async query<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.pool ??= createPool({ ...this.dbOptions(), connectionLimit: 3, timezone: 'Z', dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
    const [rows] = await this.pool.query(sql, params);
    return rows as T[];
  }

  dbOptions(): { host: string; port: number; user: string; password: string; database: string } {
    const env = parseEnv(join(this.dataDir, 'services.env'));
    return { host: '127.0.0.1', port: this.ports.db, user: env.DB_USER, password: env.DB_PASSWORD, database: env.DB_NAME };
  }

  logTail(which: 'api' | 'worker', lines = 30): string {
    try {
      return readFileSync(join(this.dataDir, `${which}.log`), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  async stop(): Promise<void> {
    for (const which of [...this.processes.keys()]) await this.kill(which, 'SIGKILL');
    await this.pool?.end().catch(() => undefined);
    this.services('down');
  }
}

const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
/** The V8 flags of `npm run start:api|start:worker` (package.json): the processes under fault run as deployed. */
const SERVICE_FLAGS = ['--max-semi-space-size=64'];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

function parseEnv(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}
