import { Queue } from 'bullmq';
import { FaultStack } from './support/fault-stack';
import { ratingsState } from './support/ratings-state';
import { waitFor } from '../support/wait-for';

/**
 * R1 (quality.md): kill -9 of the worker in the middle of a full rescore. After a restart the job comes back
 * by itself (BullMQ's stalled-job check), resumes from the last committed chunk and ends with every rating
 * equal to a clean run's. Health tells the truth on the way.
 */
let stack: FaultStack;
let queue: Queue;

beforeAll(async () => {
  stack = await FaultStack.start('r1');
  const seeded = stack.cli('demo:seed', '--scale', '0.5', '--seed', '7');
  if (seeded.status !== 0) throw new Error(`demo:seed failed: ${seeded.stderr}`);
  queue = new Queue('rescore', { connection: { host: '127.0.0.1', port: stack.ports.redis }, prefix: stack.env.QUEUE_PREFIX });
});
afterAll(async () => {
  await queue?.close();
  await stack?.stop();
});

const openRun = async () => (await stack.query('SELECT id, subjects_done, finished_at FROM full_rescore_runs WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1'))[0];
const pendingWork = async () =>
  Number((await stack.query('SELECT (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL) + (SELECT COUNT(*) FROM rescore_due) AS n'))[0].n);

describe('R1: kill -9 of the worker in the middle of a full rescore', () => {
  it('resumes after a restart and ends with every score equal to a clean run', async () => {
    // The clean run: demo:seed's own full rescore, then the worker's incremental rescores of the seed's
    // announcements (which must agree with it).
    await stack.spawn('worker');
    await waitFor(async () => (await pendingWork()) === 0, 120_000, 200);
    const clean = await ratingsState(stack);
    const subjects = Number((await stack.query('SELECT COUNT(*) AS n FROM subjects'))[0].n);
    expect(clean).toHaveLength(subjects);
    expect(new Set(clean.map((r) => r.grade)).size).toBeGreaterThanOrEqual(3);

    // Every rating lost; the full rescore (small chunks, so it is caught mid-way) is to restore them.
    await stack.query('DELETE FROM ratings');
    await queue.add('rescore-all', { chunkSize: 20 }, { jobId: 'fault-r1', attempts: 3, removeOnComplete: false });
    const midway = await waitFor(async () => {
      const run = await openRun();
      return run && Number(run.subjects_done) >= 100 ? run : null;
    }, 60_000, 20);
    await stack.kill('worker', 'SIGKILL');
    const [checkpoint] = await stack.query('SELECT subjects_done, finished_at FROM full_rescore_runs WHERE id = ?', [midway.id]);
    expect(checkpoint.finished_at).toBeNull();
    expect(Number(checkpoint.subjects_done)).toBeLessThan(subjects);
    const ratedBeforeKill = Number((await stack.query('SELECT COUNT(*) AS n FROM ratings'))[0].n);
    expect(ratedBeforeKill).toBeGreaterThanOrEqual(Number(checkpoint.subjects_done));
    expect(ratedBeforeKill).toBeLessThan(subjects);
    // Nothing answers on the worker's port: not live, not ready.
    expect((await stack.health('worker', 'live')).status).toBe(0);
    expect((await stack.health('worker', 'ready')).status).toBe(0);

    await stack.spawn('worker');
    await stack.healthBecomes('worker', 'ready', 200);
    // The stalled job is taken up again once its lock expires; it resumes from the checkpoint.
    await waitFor(async () => (await stack.query('SELECT finished_at FROM full_rescore_runs WHERE id = ?', [midway.id]))[0].finished_at, 150_000, 250);
    const job = await waitFor(async () => {
      const j = await queue.getJob('fault-r1');
      return j?.finishedOn ? j : null;
    }, 30_000, 100);
    expect(job.failedReason).toBeFalsy();
    expect(job.returnvalue).toMatchObject({ runId: String(midway.id), done: subjects });
    // One run, resumed (not restarted from zero under a new checkpoint row).
    expect(Number((await stack.query('SELECT COUNT(*) AS n FROM full_rescore_runs WHERE id > ?', [midway.id]))[0].n)).toBe(0);
    expect(await ratingsState(stack)).toEqual(clean);
  });
});
