import { AuditService } from '@app/audit';
import { addDays, shanghaiDate } from '@app/credit';
import { JOBS, JobRegistry, QUEUES } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditVerifyProcessor } from '../../apps/worker/src/maintenance/audit-verify.processor';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { resetDatabase } from '../support/database';
import { tamper } from '../support/tamper';
import { waitFor } from '../support/wait-for';

let app: INestApplication;
let queue: Queue;
let ds: DataSource;

async function startWorker(): Promise<void> {
  const ref = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  app = ref.createNestApplication({ logger: false });
  await app.init();
  queue = app.get<Queue>(getQueueToken(QUEUES.maintenance));
  ds = app.get(DataSource);
}
async function finished(job: Job): Promise<Job> {
  return waitFor(async () => {
    const j = await queue.getJob(job.id as string);
    return j && (j.finishedOn || j.failedReason) ? j : null;
  }, 20_000);
}
async function fillAuditLog(n: number): Promise<void> {
  const audit = app.get(AuditService);
  for (let i = 0; i < n; i += 1000) {
    await ds.transaction((em) =>
      audit.append(em, Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ actor: 'test', action: 'x', targetType: 't', targetId: String(i + k), diff: { k } }))),
    );
  }
}

beforeAll(async () => {
  await startWorker();
  await queue.obliterate({ force: true });
});
beforeEach(() => resetDatabase(ds));
afterAll(async () => {
  await app?.close();
});

describe('worker', () => {
  it('finds exactly one handler per catalogued job at boot', () => {
    const handlers = app.get(JobRegistry).discover();
    expect(handlers).toEqual(
      expect.arrayContaining([
        { job: JOBS.auditVerify, owner: 'AuditVerifyProcessor.verify' },
        { job: JOBS.rescoreSubject, owner: 'RescoreProcessor.rescore' },
        { job: JOBS.rescoreAll, owner: 'RescoreProcessor.rescoreAll' },
        { job: JOBS.ruleSetPreview, owner: 'RuleSetPreviewProcessor.compute' },
        { job: JOBS.listsDaily, owner: 'ListsProcessor.run' },
        { job: JOBS.penaltyExportDaily, owner: 'ListsProcessor.runExports' },
      ]),
    );
    expect(handlers).toHaveLength(Object.keys(JOBS).length);
  });

  it('refuses to boot with a second handler for the same job', async () => {
    class SecondAuditVerifyProcessor extends AuditVerifyProcessor {}
    const ref = await Test.createTestingModule({ imports: [WorkerModule], providers: [SecondAuditVerifyProcessor] }).compile();
    const dup = ref.createNestApplication({ logger: false });
    await expect(dup.init()).rejects.toThrow(/job maintenance\/audit-verify has 2 handlers/);
    await dup.close().catch(() => undefined);
  });

  it('runs the audit-verify job against the real queue', async () => {
    await fillAuditLog(10);
    const job = await finished(await queue.add(JOBS.auditVerify.name, {}));
    expect(job.failedReason).toBeUndefined();
    expect(job.returnvalue).toMatchObject({ rows: 10, head: { seq: '10' } });
  });

  it('fails the job when the chain is broken, naming the row', async () => {
    await fillAuditLog(5);
    await tamper(ds, `UPDATE audit_log SET action = 'forged' WHERE seq = 4`);
    const job = await finished(await queue.add(JOBS.auditVerify.name, {}, { attempts: 1 }));
    expect(job.failedReason).toBe('audit chain broken at seq 4 (HASH_MISMATCH)');
  });

  it('the nightly full rescore skips while an operator\'s run as of today holds the lock, and retries behind an older one', async () => {
    const rescoreQueue = app.get<Queue>(getQueueToken(QUEUES.rescore));
    const byRescore = (job: Job): Promise<Job> =>
      waitFor(async () => {
        const j = await rescoreQueue.getJob(job.id as string);
        return j && (j.finishedOn || j.failedReason) ? j : null;
      }, 20_000);
    const lockName = `LEFT(CONCAT('yibao:full-rescore:', DATABASE()), 64)`;
    const holder = ds.createQueryRunner();
    await holder.connect();
    try {
      await holder.query(`SELECT GET_LOCK(${lockName}, 0)`);
      const today = shanghaiDate(new Date());
      await ds.query('INSERT INTO full_rescore_runs (as_of, started_at) VALUES (?, NOW(3))', [today]);
      const skipped = await byRescore(await rescoreQueue.add(JOBS.rescoreAll.name, {}, { attempts: 1 }));
      expect(skipped.failedReason).toBeUndefined();
      expect(skipped.returnvalue).toEqual({ skipped: expect.stringMatching(/^a full rescore is already running \(run \d+ as of /) });

      await ds.query('UPDATE full_rescore_runs SET as_of = ?', [addDays(today, -1)]);
      const busy = await byRescore(await rescoreQueue.add(JOBS.rescoreAll.name, {}, { attempts: 1 }));
      expect(busy.failedReason).toMatch(/^a full rescore is already running .*; try again later$/);
      // The holder's checkpoint row is untouched by both.
      expect(await ds.query('SELECT as_of, subjects_done, finished_at FROM full_rescore_runs')).toEqual([
        { as_of: addDays(today, -1), subjects_done: 0, finished_at: null },
      ]);
    } finally {
      await holder.query(`DO RELEASE_LOCK(${lockName})`);
      await holder.release();
    }
  });

  it('finishes its active job before shutting down', async () => {
    await fillAuditLog(30_000);
    const job = await queue.add(JOBS.auditVerify.name, {});
    await waitFor(async () => (await queue.getJob(job.id as string))?.processedOn);
    await app.close(); // what SIGTERM triggers through enableShutdownHooks
    await startWorker(); // a fresh connection to read the result with
    const done = await queue.getJob(job.id as string);
    expect(done?.finishedOn).toBeDefined();
    expect(done?.returnvalue).toMatchObject({ rows: 30_000 });
  });
});
