import { ApiKeysService, Role } from '@app/auth';
import { ListKind } from '@app/credit';
import { ChildProcess, spawn } from 'node:child_process';
import request from 'supertest';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { freePort, OwnRedis } from '../support/own-redis';
import { ROOT } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { applyLists, desired, registerInstitutions } from '../lists/list-feeds-support';
import { Receiver } from '../lists/webhook-receiver';

const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const KS = ListKind.KEY_SUPERVISION;

/**
 * The real API and worker processes with the most verbose logs, driven through a subscription's whole life
 * (created, deliveries refused, paused, resumed, delivered, deleted); then every captured line of output is
 * searched for the signing secret.
 */
describe('no webhook secret in logs', () => {
  let inProcess: TestApi;
  let redis: OwnRedis;
  const children: ChildProcess[] = [];
  let logs = '';
  let base = '';
  let ndrc = '';
  let ids: string[];
  const receiver = new Receiver();

  function launch(script: string, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [...TS_NODE, script], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'trace', NODE_ENV: 'development', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_FAILURES: '2', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (logs += d));
    child.stderr!.on('data', (d) => (logs += d));
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    inProcess = await startApi(); // writes the list changes through the service path, as in the list tests
    await resetDatabase(inProcess.dataSource);
    ndrc = (await inProcess.app.get(ApiKeysService).create(Role.NDRC, 'commission', 'test')).secret;
    ids = await registerInstitutions(inProcess, 4, '1212000044');
    redis = await OwnRedis.start();
    await receiver.start();
    const [port, workerPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    launch('apps/api/src/main.ts', { PORT: String(port) });
    launch('apps/worker/src/main.ts', { WORKER_PORT: String(workerPort), REDIS_PORT: String(redis.port) });
    await waitFor(async () => (await request(base).get('/health/live')).status === 200, 60_000, 200);
    await waitFor(async () => (await request(`http://127.0.0.1:${workerPort}`).get('/health/ready')).status === 200, 60_000, 200);
  });
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await receiver.close();
    await redis?.down();
    await inProcess?.close();
  });

  const gql = (query: string) => request(base).post('/graphql').set('authorization', `Bearer ${ndrc}`).send({ query });
  const state = async (id: string) => ((await gql('{ webhookSubscriptions { id status lastDeliveredSeq } }')).body.data.webhookSubscriptions as { id: string; status: string; lastDeliveredSeq: number }[]).find((s) => s.id === id);

  it('logs the life of a subscription without its secret', async () => {
    const created = await gql(`mutation { createWebhookSubscription(list: KEY_SUPERVISION, url: "${receiver.url}", afterSeq: 0) { secret subscription { id } } }`);
    const { secret, subscription } = created.body.data.createWebhookSubscription as { secret: string; subscription: { id: string } };
    receiver.secret = secret;
    receiver.failAll = true;
    for (const id of ids) await applyLists(inProcess, id, [desired(KS, 'GRADE_D')]);
    await waitFor(async () => (await state(subscription.id))?.status === 'PAUSED', 60_000, 100);
    receiver.failAll = false;
    await gql(`mutation { resumeWebhookSubscription(id: "${subscription.id}") { id } }`);
    await waitFor(async () => (await state(subscription.id))?.lastDeliveredSeq === ids.length, 60_000, 100);
    expect(receiver.applied.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    await gql(`mutation { deleteWebhookSubscription(id: "${subscription.id}") }`);

    // The logs are there and at their most verbose (the pause is logged by the worker) ...
    await waitFor(() => logs.includes('webhook subscription paused'), 10_000);
    expect(logs).toContain('/graphql');
    // ... and hold neither the secret nor its key part, in any encoding a logger might use.
    const key = secret.slice('whsec_'.length);
    for (const needle of [secret, key, Buffer.from(key, 'base64').toString('hex'), Buffer.from(key, 'base64').toString('base64url')]) {
      expect(logs.includes(needle)).toBe(false);
    }
  });
});
