import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import request from 'supertest';
import { recreateDatabase } from '../support/global-setup';
import { waitFor } from '../support/wait-for';

/** A Redis of this suite's own, so stopping it disturbs no other suite. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

/** The health endpoints as the API (`forApi`) or the worker (`forWorker`) mounts them. */
async function healthApp(env: Record<string, string | undefined>, as: 'api' | 'worker' = 'api'): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const health = as === 'api' ? HealthModule.forApi() : HealthModule.forWorker();
    const ref = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, health] }).compile();
    const app = ref.createNestApplication({ logger: false });
    await app.init();
    return app;
  } finally {
    process.env = saved;
  }
}

describe('health', () => {
  let redis: ChildProcess;
  let redisPort: number;
  let app: INestApplication;
  let worker: INestApplication;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = startRedis(redisPort);
    app = await healthApp({ REDIS_PORT: String(redisPort) }, 'api');
    worker = await healthApp({ REDIS_PORT: String(redisPort) }, 'worker');
  });
  afterAll(async () => {
    await app.close();
    await worker.close();
    redis.kill('SIGKILL');
  });

  it('live (naming its process) and ready when everything is up, on the API and on the worker', async () => {
    expect((await request(app.getHttpServer()).get('/health/live')).body).toEqual({ status: 'ok', pid: process.pid });
    for (const a of [app, worker]) {
      const ready = await waitFor(async () => {
        const res = await request(a.getHttpServer()).get('/health/ready');
        return res.status === 200 ? res : null;
      });
      expect(ready.body.status).toBe('ok');
      expect(ready.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' }, migrations: { status: 'up' } });
    }
    expect(app.get(AppConfig).redis.port).toBe(redisPort);
  });

  it('while Redis is down: the API stays ready and reports it, the worker says 503 naming it; both recover by themselves', async () => {
    redis.kill('SIGKILL');
    const down = await waitFor(async () => {
      const res = await request(worker.getHttpServer()).get('/health/ready');
      return res.status === 503 ? res : null;
    });
    expect(down.body.error).toEqual({ redis: { status: 'down', message: 'redis unreachable' } });
    expect(down.body.details.database.status).toBe('up');

    const api = await request(app.getHttpServer()).get('/health/ready');
    expect(api.status).toBe(200);
    expect(api.body.status).toBe('ok');
    expect(api.body.details).toEqual({
      database: { status: 'up' },
      migrations: { status: 'up' },
      redis: { status: 'down', message: 'redis unreachable' },
    });
    expect(api.body.error).toEqual({ redis: { status: 'down', message: 'redis unreachable' } });
    for (const a of [app, worker]) expect((await request(a.getHttpServer()).get('/health/live')).status).toBe(200);

    redis = startRedis(redisPort);
    await waitFor(async () => (await request(worker.getHttpServer()).get('/health/ready')).status === 200, 15_000);
    const back = await waitFor(async () => {
      const res = await request(app.getHttpServer()).get('/health/ready');
      return res.body.details?.redis?.status === 'up' ? res : null;
    }, 15_000);
    expect(back.body.error).toEqual({});
  });

  it('says 503 naming migrations when some are pending (the API still reports Redis)', async () => {
    const env = { DB_NAME: `${process.env.DB_NAME}_empty`, REDIS_PORT: String(redisPort) };
    await recreateDatabase({ ...(process.env as Record<string, string>), ...env });
    for (const as of ['api', 'worker'] as const) {
      const fresh = await healthApp(env, as);
      try {
        const res = await request(fresh.getHttpServer()).get('/health/ready');
        expect(res.status).toBe(503);
        expect(res.body.error.migrations).toEqual({ status: 'down', message: 'pending migrations: run `npm run cli -- migrate`' });
        expect(res.body.details.redis).toEqual({ status: 'up' });
      } finally {
        await fresh.close();
      }
    }
  });
});
