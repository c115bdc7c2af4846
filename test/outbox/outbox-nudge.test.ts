import { AppConfig } from '@app/config';
import { makeCreditCode } from '@app/credit';
import { JOBS, outboxNudgeChannel, QUEUES } from '@app/queue';
import { isRescoreDue, markRescoreDue } from '@app/ratings';
import { Job, Queue } from 'bullmq';
import { EventsService, SubjectsService } from '@app/registry';
import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay.service';
import { RescoreJobData, RescoreProcessor } from '../../apps/worker/src/ratings/rescore.processor';
import { startWorkerApp } from '../support/worker-app';
import { resetDatabase } from '../support/database';
import { OwnRedis } from '../support/own-redis';
import { waitFor } from '../support/wait-for';

// The relay's idle poll is set far beyond this suite's timeouts: whatever gets delivered here after the boot
// pass was delivered because of a nudge, not because the poll came round.
const POLL_MS = 600_000;

let redis: OwnRedis;
let app: INestApplication;
let ds: DataSource;
let client: Redis;
let passes: jest.SpyInstance;

async function startWorker(): Promise<void> {
  app = await startWorkerApp({ REDIS_PORT: String(redis.port), OUTBOX_POLL_MS: String(POLL_MS) });
  ds = app.get(DataSource);
  // Counts the relay's claim passes (the real method runs; nothing is replaced).
  passes = jest.spyOn(app.get(OutboxRelay), 'relayOnce');
}

const codes = Array.from({ length: 3 }, (_, i) => makeCreditCode(`91120000MA1${String(i).padStart(5, '0')}X`.slice(0, 17)));
const pending = async (): Promise<number> => Number((await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0].n);
const ratedCount = async (): Promise<number> =>
  Number((await ds.query('SELECT COUNT(*) AS n FROM ratings r LEFT JOIN rescore_due d ON d.subject_id = r.subject_id WHERE d.subject_id IS NULL'))[0].n);
const subscribers = async (): Promise<number> => Number(((await client.pubsub('NUMSUB', outboxNudgeChannel(app.get(AppConfig)))) as [string, number])[1]);

function interview(ref: string, creditCode: string) {
  return { sourceSystem: 'nudge-test', sourceRef: ref, creditCode, type: 'INTERVIEW', occurredOn: '2026-01-05', decidedOn: '2026-02-01' };
}

async function register(): Promise<string[]> {
  const subjects = await app.get(SubjectsService).register(
    codes.map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `催办医院${i}`, creditCode, regionCode: '120103' })),
    'test',
  );
  return subjects.map((s) => s.id);
}

beforeAll(async () => {
  redis = await OwnRedis.start();
  await startWorker();
  client = new Redis({ port: redis.port, host: '127.0.0.1', maxRetriesPerRequest: 1, lazyConnect: true });
  client.on('error', () => undefined);
  await client.connect();
  await waitFor(async () => (await subscribers()) === 1);
});
beforeEach(async () => {
  await resetDatabase(ds);
});
afterAll(async () => {
  client?.disconnect();
  await app?.close();
  await redis?.down();
});

describe('outbox nudge', () => {
  it('a recorded event is queued and rated by a pass the nudge started, long before the idle poll', async () => {
    expect(app.get(AppConfig).outboxPollMs).toBe(POLL_MS);
    const started = Date.now();
    const ids = await register();
    await waitFor(async () => (await pending()) === 0 && (await ratedCount()) === ids.length);
    const before = passes.mock.calls.length;
    await app.get(EventsService).record([interview('e1', codes[0])], 'test');
    await waitFor(async () => (await pending()) === 0);
    await waitFor(async () => (await ratedCount()) === ids.length);
    // The delivery came from a pass after the recording, while the poll was still far off.
    expect(passes.mock.calls.length).toBeGreaterThan(before);
    expect(Date.now() - started).toBeLessThan(POLL_MS);
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM rating_history h JOIN subjects s ON s.id = h.subject_id WHERE s.credit_code = ?`, [codes[0]]);
    expect(Number(n)).toBeGreaterThanOrEqual(1);
  });

  it("a due mark still there when a job has finished is queued again at once (an add that raced the job's end was ignored)", async () => {
    const ids = await register();
    await waitFor(async () => (await pending()) === 0 && (await ratedCount()) === ids.length);
    // This subject's registration job finished and gone (a rating is stored before its job ends). Only its own
    // job: an earlier test's jobs, for subjects the reset deleted, may still wait out a retry's backoff.
    const queue = new Queue(QUEUES.rescore, { connection: { host: '127.0.0.1', port: redis.port }, prefix: app.get(AppConfig).redis.prefix });
    try {
      await waitFor(async () => (await queue.getJob(`subject-${ids[0]}`)) === undefined);
    } finally {
      await queue.close();
    }
    // What the race leaves: the subject marked due, its job gone, no outbox row, the poll and the sweep far off.
    await markRescoreDue(ds.manager, [ids[0]], new Date());
    const finished = (followUp?: number) => ({ name: JOBS.rescoreSubject.name, data: { subjectId: ids[0], followUp } }) as Job<RescoreJobData>;
    // A chain of follow-ups is bounded: the third in a row queues nothing more (the sweep is the backstop).
    await app.get(RescoreProcessor).afterCompleted(finished(3));
    await new Promise((r) => setTimeout(r, 300));
    expect(await isRescoreDue(ds.manager, ids[0])).toBe(true);
    await app.get(RescoreProcessor).afterCompleted(finished());
    await waitFor(async () => !(await isRescoreDue(ds.manager, ids[0])), 15_000);
  });

  it('a row written without a nudge waits for the next nudge, which drains it too', async () => {
    const ids = await register();
    await waitFor(async () => (await pending()) === 0 && (await ratedCount()) === ids.length);
    // Written behind the relay's back (no nudge): it stays pending while nothing wakes the relay.
    await ds.query(`INSERT INTO outbox (topic, subject_id, created_at) VALUES ('subject-changed', ?, NOW(3))`, [ids[1]]);
    const before = passes.mock.calls.length;
    expect(await pending()).toBe(1);
    expect(passes.mock.calls.length).toBe(before);
    await app.get(EventsService).record([interview('e2', codes[2])], 'test');
    await waitFor(async () => (await pending()) === 0);
    expect(passes.mock.calls.length).toBeGreaterThan(before);
  });

  it('a burst of nudges coalesces into a pass or two, not one per nudge', async () => {
    const before = passes.mock.calls.length;
    const burst = client.pipeline();
    const channel = outboxNudgeChannel(app.get(AppConfig));
    for (let i = 0; i < 200; i++) burst.publish(channel, '1');
    const replies = (await burst.exec())!;
    expect(replies.every(([err, receivers]) => err === null && receivers === 1)).toBe(true);
    await waitFor(() => passes.mock.calls.length > before);
    // Let every queued pass run out: the relay sleeps again once no nudge is left (the poll is 10 minutes away).
    await new Promise((r) => setTimeout(r, 500));
    const ran = passes.mock.calls.length - before;
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(ran).toBeLessThanOrEqual(3);
  });

  it('with Redis down, recording does not fail (the nudge is lost, the row waits); nudges work again once Redis is back', async () => {
    const ids = await register();
    await waitFor(async () => (await pending()) === 0 && (await ratedCount()) === ids.length);
    await redis.down();
    try {
      const result = await app.get(EventsService).record([interview('down', codes[1])], 'test');
      expect(result.created).toBe(1);
      expect(await pending()).toBe(1);
    } finally {
      await redis.up();
    }
    await client.connect().catch(() => undefined);
    // The relay resubscribes on reconnect; the row written during the outage is drained by the next nudge
    // (or by the relay's own retry), and a new event is delivered by its nudge.
    await waitFor(async () => (await subscribers()) === 1, 30_000);
    await app.get(EventsService).record([interview('back', codes[2])], 'test');
    await waitFor(async () => (await pending()) === 0, 30_000);
    await waitFor(async () => (await ratedCount()) === ids.length, 30_000);
  });
});
