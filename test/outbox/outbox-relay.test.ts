import { JOBS, QUEUES } from '@app/queue';
import { EventsService, SubjectsService } from '@app/registry';
import { makeCreditCode, shanghaiDate } from '@app/credit';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay.service';
import { RescoreProcessor } from '../../apps/worker/src/ratings/rescore.processor';
import { RuleSetPreviewProcessor } from '../../apps/worker/src/ratings/rule-set-preview.processor';
import { startWorkerApp } from '../support/worker-app';
import { resetDatabase } from '../support/database';
import { OwnRedis } from '../support/own-redis';
import { waitFor } from '../support/wait-for';

let redis: OwnRedis;
let app: INestApplication;
let ds: DataSource;

/** The real worker (relay + rescore processor) plus the registry's service path, on a Redis of our own. */
async function startWorker(): Promise<void> {
  app = await startWorkerApp({ REDIS_PORT: String(redis.port) });
  ds = app.get(DataSource);
}

const codes = Array.from({ length: 5 }, (_, i) => makeCreditCode(`91120000MA0${String(i).padStart(5, '0')}X`.slice(0, 17)));

async function registerInstitutions(): Promise<string[]> {
  const subjects = await app.get(SubjectsService).register(
    codes.map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `测试医院${i}`, creditCode, regionCode: '120103' })),
    'test',
  );
  return subjects.map((s) => s.id);
}

function interviews(prefix: string, n: number, code = (i: number) => codes[i % codes.length]) {
  return Array.from({ length: n }, (_, i) => ({
    sourceSystem: 'outbox-test',
    sourceRef: `${prefix}-${i}`,
    creditCode: code(i),
    type: 'INTERVIEW',
    occurredOn: '2026-01-05',
    decidedOn: '2026-02-01',
  }));
}

/** The outbox's last id: rows after it are what a later transaction wrote (registration announces subjects too). */
const lastOutboxId = async (): Promise<number> => Number((await ds.query('SELECT COALESCE(MAX(id), 0) AS id FROM outbox'))[0].id);
const pending = async (): Promise<number> => Number((await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0].n);
/** Subjects the rescore job has rated (and whose rescore mark it cleared). */
const ratedSubjects = async (): Promise<string[]> =>
  (
    await ds.query('SELECT r.subject_id AS id FROM ratings r LEFT JOIN rescore_due d ON d.subject_id = r.subject_id WHERE d.subject_id IS NULL ORDER BY r.subject_id')
  ).map((r: { id: string }) => String(r.id));

beforeAll(async () => {
  redis = await OwnRedis.start();
  await startWorker();
});
beforeEach(async () => {
  await resetDatabase(ds);
});
afterAll(async () => {
  await app?.close();
  await redis?.down();
});

describe('transactional outbox', () => {
  it('writes one outbox row per affected subject in the events transaction, and the relay delivers it', async () => {
    const ids = await registerInstitutions();
    const before = await lastOutboxId();
    const result = await app.get(EventsService).record(interviews('a', 20), 'test');
    expect(result.created).toBe(20);
    const rows = await ds.query('SELECT subject_id FROM outbox WHERE id > ? ORDER BY subject_id', [before]);
    expect(rows.map((r: { subject_id: string }) => String(r.subject_id))).toEqual([...ids].sort());
    await waitFor(async () => (await pending()) === 0);
    // The rescore processor consumed the jobs and rated every subject.
    expect(await waitFor(async () => ((await ratedSubjects()).length === ids.length ? ratedSubjects() : null))).toEqual([...ids].sort());
  });

  it('coalesces a burst for one subject into one waiting job (job id = subject id)', async () => {
    const [first] = await registerInstitutions();
    await waitFor(async () => (await pending()) === 0 && (await ratedSubjects()).length === codes.length);
    const before = await lastOutboxId();
    const processor = app.get(RescoreProcessor);
    await processor.worker.pause();
    try {
      const queue = app.get<Queue>(getQueueToken(QUEUES.rescore));
      for (let batch = 0; batch < 3; batch++) {
        await app.get(EventsService).record(interviews(`burst${batch}`, 4, () => codes[0]), 'test');
      }
      await waitFor(async () => (await pending()) === 0);
      expect(Number((await ds.query('SELECT COUNT(*) AS n FROM outbox WHERE id > ?', [before]))[0].n)).toBe(3);
      const waiting = await queue.getJobs(['waiting', 'prioritized']);
      expect(waiting.map((j) => [j.name, j.id])).toEqual([[JOBS.rescoreSubject.name, `subject-${first}`]]);
    } finally {
      processor.worker.resume();
    }
    await waitFor(async () => (await ratedSubjects()).includes(first));
  });

  it('with Redis stopped, events are still stored; the backlog drains when Redis returns', async () => {
    const ids = await registerInstitutions();
    // Registration queues each subject's first rating; let that drain so only the events' backlog is measured.
    await waitFor(async () => (await pending()) === 0 && (await ratedSubjects()).length === ids.length);
    await ds.query('DELETE FROM ratings');
    await redis.down();
    try {
      const result = await app.get(EventsService).record(interviews('r2', 50), 'test');
      expect(result.created).toBe(50);
      expect(Number((await ds.query(`SELECT COUNT(*) AS n FROM events WHERE source_system = 'outbox-test'`))[0].n)).toBe(50);
      // The relay keeps trying and fails while Redis is away: nothing is marked delivered, nothing lost.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await pending()).toBe(ids.length);
      expect(await ratedSubjects()).toEqual([]);
    } finally {
      await redis.up();
    }
    await waitFor(async () => (await pending()) === 0, 30_000);
    expect(await waitFor(async () => ((await ratedSubjects()).length === ids.length ? ratedSubjects() : null), 30_000)).toEqual([...ids].sort());
  });

  it('routes rows by topic: a rule-set preview message to the previews queue, an unknown topic stamped without a job', async () => {
    const ids = await registerInstitutions();
    // Registration queues each subject's first rating: let it finish, then forget it, so only this test's rows count.
    await waitFor(async () => (await pending()) === 0 && (await ratedSubjects()).length === ids.length);
    await ds.query('DELETE FROM ratings');
    const previews = app.get<Queue>(getQueueToken(QUEUES.previews));
    await previews.obliterate({ force: true });
    const processor = app.get(RuleSetPreviewProcessor);
    await processor.worker.pause(); // keep the job in the queue to look at it
    try {
      await ds.query(`INSERT INTO outbox (topic, subject_id, created_at) VALUES ('bogus', ?, NOW(3)), ('rule-set-preview', 777, NOW(3))`, [ids[0]]);
      await waitFor(async () => (await pending()) === 0);
      const waiting = await previews.getJobs(['waiting', 'prioritized']);
      expect(waiting.map((j) => [j.name, j.id, j.data])).toEqual([[JOBS.ruleSetPreview.name, 'rule-set-preview-777', { previewId: '777' }]]);
      // No rescore for the subject named by the unknown topic's row.
      expect(await ratedSubjects()).toEqual([]);
    } finally {
      await previews.obliterate({ force: true });
      processor.worker.resume();
    }
  });

  it('marks subjects due when their announcement is delivered, and the sweep queues a subject whose job was lost', async () => {
    const ids = await registerInstitutions();
    await app.get(EventsService).record(interviews('sweep', 5), 'test');
    await waitFor(async () => (await ratedSubjects()).length === ids.length);
    // A job BullMQ dropped (its id was still active when the event's message came): the mark is all that is left.
    await ds.query('INSERT INTO rescore_due (subject_id, since) VALUES (?, ?)', [ids[0], new Date(Date.now() - 120_000)]);
    await ds.query('DELETE FROM ratings WHERE subject_id = ?', [ids[0]]);
    expect(await app.get(OutboxRelay).sweepOnce()).toBe(1);
    await waitFor(async () => (await ratedSubjects()).includes(ids[0]));
    expect(await app.get(OutboxRelay).sweepOnce()).toBe(0);
  });

  it('registration queues a first rating: a new institution reads NOT_RATED from its own agreement date, the rest their clean record', async () => {
    const young = makeCreditCode('91120000MA0NEW001');
    const signed = shanghaiDate(new Date(Date.now() - 60 * 86_400_000)); // two months ago
    const ids = await registerInstitutions();
    const [fresh] = await app.get(SubjectsService).register([{ type: 'PHARMACY', name: '新药店', creditCode: young, agreementSignedOn: signed }], 'test');
    const rated = await waitFor(async () => {
      const rows: { subject_id: string; grade: string; not_rated: number }[] = await ds.query('SELECT subject_id, grade, not_rated FROM ratings');
      return rows.length === ids.length + 1 ? rows : null;
    });
    expect(rated.find((r) => String(r.subject_id) === fresh.id)).toMatchObject({ grade: 'NOT_RATED', not_rated: 1 });
    expect(rated.filter((r) => String(r.subject_id) !== fresh.id).every((r) => r.grade === 'B')).toBe(true);
    // Registering the same subjects again announces nothing new.
    const before = await lastOutboxId();
    await registerInstitutions();
    expect(await lastOutboxId()).toBe(before);
  });
});
