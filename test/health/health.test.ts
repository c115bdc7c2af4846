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

async function healthApp(env: Record<string, string | undefined>): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const ref = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, HealthModule] }).compile();
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

  beforeAll(async () => {
    redisPort = await freePort();
    redis = startRedis(redisPort);
    app = await healthApp({ REDIS_PORT: String(redisPort) });
  });
  afterAll(async () => {
    await app.close();
    redis.kill('SIGKILL');
  });

  it('live and ready when everything is up', async () => {
    expect((await request(app.getHttpServer()).get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await waitFor(async () => {
      const res = await request(app.getHttpServer()).get('/health/ready');
      return res.status === 200 ? res : null;
    });
    expect(ready.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' }, migrations: { status: 'up' } });
    expect(app.get(AppConfig).redis.port).toBe(redisPort);
  });

  it('says 503 naming Redis while it is down, and recovers by itself when it returns', async () => {
    redis.kill('SIGKILL');
    const down = await waitFor(async () => {
      const res = await request(app.getHttpServer()).get('/health/ready');
      return res.status === 503 ? res : null;
    });
    expect(down.body.error).toEqual({ redis: { status: 'down', message: 'redis unreachable' } });
    expect(down.body.details.database.status).toBe('up');
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);

    redis = startRedis(redisPort);
    await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, 15_000);
  });

  it('says 503 naming migrations when some are pending', async () => {
    const env = { DB_NAME: `${process.env.DB_NAME}_empty`, REDIS_PORT: String(redisPort) };
    await recreateDatabase({ ...(process.env as Record<string, string>), ...env });
    const fresh = await healthApp(env);
    try {
      const res = await request(fresh.getHttpServer()).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.error.migrations).toEqual({ status: 'down', message: 'pending migrations: run `npm run cli -- migrate`' });
    } finally {
      await fresh.close();
    }
  });
});
