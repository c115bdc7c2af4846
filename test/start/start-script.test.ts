import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/test-env';

/**
 * `npm start` (scripts/start.sh) while another instance holds its ports. The stand-ins below answer
 * /health/live and /health/ready with 200, as a first instance does: start.sh must not take their answers
 * for its own processes, and must say which port is taken before it starts anything.
 */
function fakeInstance(): Promise<Server> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(req.url === '/health/live' ? JSON.stringify({ status: 'ok', pid: process.pid }) : JSON.stringify({ status: 'ok' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const portOf = (s: Server) => (s.address() as { port: number }).port;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Run {
  status: number | null;
  output: string;
}

/** Runs start.sh with a data folder of its own, so it can touch no running instance (nor leave one). */
function start(env: Record<string, string>, dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['scripts/start.sh'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SERVICES_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('npm start while the ports are taken', () => {
  let api: Server;
  let worker: Server;
  let dataDir: string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([fakeInstance(), fakeInstance()]);
    dataDir = mkdtempSync(join(tmpdir(), 'start-'));
  });
  afterAll(async () => {
    await new Promise((r) => api.close(r));
    await new Promise((r) => worker.close(r));
    // Should start.sh ever get that far again, stop what it started in its own data folder.
    await new Promise((r) => spawn('bash', ['scripts/services.sh', 'down'], { cwd: ROOT, env: { ...process.env, SERVICES_DATA_DIR: dataDir }, stdio: 'ignore' }).on('close', r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits 1 naming each taken port and its setting, before starting anything, and never says ready', async () => {
    const r = await start({ HOST: '127.0.0.1', PORT: String(portOf(api)), WORKER_PORT: String(portOf(worker)) }, dataDir);
    expect(r.output).not.toMatch(/\bready\b/);
    expect(r.output).toContain(`port ${portOf(api)} on 127.0.0.1 is already in use (another instance running?); set PORT to use another`);
    expect(r.output).toContain(`port ${portOf(worker)} on 127.0.0.1 is already in use (another instance running?); set WORKER_PORT to use another`);
    expect(r.output).not.toContain('[services]'); // the databases were not touched
    expect(r.status).toBe(1);
  });

  it('names the worker port alone when only it is taken', async () => {
    const r = await start({ HOST: '127.0.0.1', PORT: String(await freePort()), WORKER_PORT: String(portOf(worker)) }, dataDir);
    expect(r.status).toBe(1);
    expect(r.output.trim()).toBe(`[start] port ${portOf(worker)} on 127.0.0.1 is already in use (another instance running?); set WORKER_PORT to use another`);
  });
});
