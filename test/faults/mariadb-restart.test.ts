import { makeCreditCode } from '@app/credit';
import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { Connection, createConnection } from 'mysql2/promise';
import { FaultStack } from './support/fault-stack';
import { waitFor } from '../support/wait-for';

/**
 * R3 (quality.md): MariaDB restarted during a disclosure publish and during a list-feed snapshot. Readers see
 * the old version or the new one, never a partial one; the disclosure job retries by itself and completes
 * once; a snapshot stream cut mid-way is detectable by its stamp (row count, SHA-256); the API and the worker
 * say 503 naming the database while it is away and recover without a restart.
 */
let stack: FaultStack;
let regulator: string;
let ndrc: string;
let queue: Queue;
let rescores: Queue;
const PERIOD = '2026-10';
const codes = Array.from({ length: 8 }, (_, i) => makeCreditCode(`1212000077${String(i).padStart(7, '0')}`));
let ref = 0;

beforeAll(async () => {
  stack = await FaultStack.start('r3', { DB_POOL_SIZE: '4' });
  regulator = stack.apiKey('REGULATOR');
  ndrc = stack.apiKey('NDRC');
  // The API publishes only what a regulator publishes; the worker's runs publish PENALTY_NOTICE at once.
  await Promise.all([stack.spawn('api', { DISCLOSURE_AUTO_PUBLISH: '' }), stack.spawn('worker', { DISCLOSURE_AUTO_PUBLISH: 'PENALTY_NOTICE' })]);
  queue = new Queue('disclosures', { connection: { host: '127.0.0.1', port: stack.ports.redis }, prefix: stack.env.QUEUE_PREFIX });
  rescores = new Queue('rescore', { connection: { host: '127.0.0.1', port: stack.ports.redis }, prefix: stack.env.QUEUE_PREFIX });
  const registered = await stack.gql(
    'mutation ($s: [RegisterSubjectInput!]!) { registerSubjects(input: $s) { id } }',
    { s: codes.map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `重启医院${i}`, creditCode, regionCode: '120103', agreementSignedOn: '2015-01-01' })) },
    regulator,
  );
  expect(registered.errors).toBeUndefined();
  await waitFor(async () => (await count('SELECT COUNT(*) AS n FROM ratings')) === codes.length && (await pendingWork()) === 0, 150_000, 100);
});
afterAll(async () => {
  await queue?.close();
  await rescores?.close();
  await stack?.stop();
});

const count = async (sql: string, params: unknown[] = []) => Number((await stack.query(sql, params))[0].n);
const pendingWork = () => count('SELECT (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL) + (SELECT COUNT(*) FROM rescore_due) AS n');

/** Art.38 penalties decided in October 2026: the items of that month's penalty notice. */
async function recordPenalties(n: number): Promise<void> {
  const e = Array.from({ length: n }, (_, i) => ({
    sourceSystem: 'faults-r3', sourceRef: `p${++ref}`, creditCode: codes[(ref + i) % codes.length], type: 'PENALTY_ART38',
    legalBasis: '条例第38条', decisionNo: `津医保罚〔2026〕${ref}号`, authority: '天津市医疗保障局', occurredOn: '2026-09-01', decidedOn: '2026-10-15',
    amountInvolvedFen: 100_000 + ref, fineFen: 100_000 + ref, fineMultiple: 1,
  }));
  const r = await stack.gql('mutation ($e: [RecordEventInput!]!) { recordEvents(input: $e) { created } }', { e }, regulator);
  expect(r.data?.recordEvents.created).toBe(n);
  await waitFor(async () => (await pendingWork()) === 0, 150_000, 100);
  // The rescore jobs go on after the rating (lists, export, disclosures): let them finish, so the only writer
  // that waits on the audit head below is the disclosure job.
  await waitFor(async () => {
    const c = await rescores.getJobCounts('active', 'waiting', 'prioritized', 'delayed');
    return Object.values(c).every((n) => n === 0);
  }, 150_000, 100);
}

const versions = () => stack.query<{ version: number; status: string; item_count: number; items: string }>(
  `SELECT d.version, d.status, d.item_count, (SELECT COUNT(*) FROM disclosure_items i WHERE i.disclosure_id = d.id) AS items
     FROM disclosures d WHERE kind = 'PENALTY_NOTICE' AND period = ? ORDER BY version`,
  [PERIOD],
);
const auditActions = async (version: number) =>
  (await stack.query<{ action: string }>(
    `SELECT a.action FROM audit_log a JOIN disclosures d ON a.target_type = 'disclosure' AND a.target_id = d.id
      WHERE d.kind = 'PENALTY_NOTICE' AND d.period = ? AND d.version = ? ORDER BY a.seq`,
    [PERIOD, version],
  )).map((r) => r.action);

/** What the public sees of the period's notice: the published version and its items. */
async function publicView(): Promise<{ version: number; items: number } | null> {
  const res = await fetch(`http://127.0.0.1:${stack.ports.api}/public/disclosures?kind=PENALTY_NOTICE`);
  if (res.status !== 200) return null;
  const body = (await res.json()) as { items?: { version: number; id: string }[]; nodes?: unknown[] };
  const list = (body.items ?? body.nodes ?? []) as { id: string; version: number; period: string }[];
  const mine = list.find((d) => d.period === PERIOD);
  if (!mine) return { version: 0, items: 0 };
  const one = (await (await fetch(`http://127.0.0.1:${stack.ports.api}/public/disclosures/${mine.id}`)).json()) as { version: number; items: unknown[] };
  return { version: one.version, items: one.items.length };
}

/** Holds the audit chain's head row: every audit append (the last write of a disclosure transaction) waits behind it. */
const holders: Connection[] = [];
afterEach(async () => {
  for (const h of holders.splice(0)) await h.end().catch(() => undefined); // a failed test must not leave the lock held
});
async function holdAuditHead(): Promise<Connection> {
  const conn = await createConnection({ ...stack.dbOptions() });
  holders.push(conn);
  await conn.query('START TRANSACTION');
  await conn.query('SELECT * FROM audit_head WHERE id = 1 FOR UPDATE');
  return conn;
}
/** A transaction of another connection waits for the audit head: the disclosure transaction is mid-way, its writes uncommitted. */
const waitingOnAuditHead = async () =>
  count(`SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE '%audit\\_head%FOR UPDATE%' AND ID <> CONNECTION_ID()`);

/** Restarts MariaDB on the same port while `during` looks at what readers and health probes see. */
async function restartMariadb(during: () => Promise<void> = async () => undefined): Promise<void> {
  stack.services('stop-mariadb');
  await during();
  stack.services('up');
}

async function databaseDownHealth(): Promise<void> {
  const api = await stack.healthBecomes('api', 'ready', 503);
  expect(api.body?.error).toMatchObject({ database: { status: 'down', message: 'database unreachable' } });
  const worker = await stack.healthBecomes('worker', 'ready', 503);
  expect(worker.body?.error).toMatchObject({ database: { status: 'down' } });
  expect((await stack.health('api', 'live')).status).toBe(200);
  expect((await stack.health('worker', 'live')).status).toBe(200);
}

async function runJob(jobId: string): Promise<{ attemptsMade: number; returnvalue: { version: number; status: string } }> {
  await queue.add('disclosure-generate', { kind: 'PENALTY_NOTICE', period: PERIOD, regionCode: null }, { jobId, attempts: 6, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false });
  return waitFor(async () => {
    const j = await queue.getJob(jobId);
    if (j?.failedReason && !j.finishedOn) return null;
    return j?.finishedOn ? (j as never) : null;
  }, 120_000, 200);
}

describe('R3: MariaDB restarted during a disclosure run', () => {
  it('mid-build (the draft\'s transaction): the old version stays public; the job retries, drafts and publishes once', async () => {
    await recordPenalties(6);
    const v1 = await stack.gql('mutation ($p: String!) { generateDisclosure(kind: PENALTY_NOTICE, period: $p) { id version } }', { p: PERIOD }, regulator);
    expect(v1.errors).toBeUndefined();
    expect((await stack.gql('mutation ($id: ID!) { publishDisclosure(id: $id) { status } }', { id: v1.data!.generateDisclosure.id }, regulator)).data?.publishDisclosure.status).toBe('PUBLISHED');
    await recordPenalties(4); // new content: the job will make version 2
    expect(await publicView()).toEqual({ version: 1, items: 6 });

    const holder = await holdAuditHead();
    const jobId = 'fault-r3-build';
    await queue.add('disclosure-generate', { kind: 'PENALTY_NOTICE', period: PERIOD, regionCode: null }, { jobId, attempts: 6, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false });
    await waitFor(async () => (await waitingOnAuditHead()) === 1 && (await queue.getJob(jobId))?.processedOn, 60_000, 50);
    expect(await publicView()).toEqual({ version: 1, items: 6 });
    await restartMariadb(databaseDownHealth);
    await holder.end().catch(() => undefined); // its server is gone; its lock went with it

    const job = await waitFor(async () => {
      const j = await queue.getJob(jobId);
      return j?.finishedOn ? j : null;
    }, 120_000, 200);
    expect(job.returnvalue).toMatchObject({ version: 2, status: 'PUBLISHED', created: true });
    expect(job.attemptsMade).toBeGreaterThanOrEqual(2); // the first attempt died with the database
    await stack.healthBecomes('api', 'ready', 200);
    await stack.healthBecomes('worker', 'ready', 200);
    expect(await versions()).toEqual([
      { version: 1, status: 'SUPERSEDED', item_count: 6, items: '6' },
      { version: 2, status: 'PUBLISHED', item_count: 10, items: '10' },
    ]);
    expect(await auditActions(2)).toEqual(['disclosure.generate', 'disclosure.publish']);
    expect(await publicView()).toEqual({ version: 2, items: 10 });
  });

  it('mid-publish (a draft left by a run that died between its two transactions): old version public meanwhile, then the new one, once', async () => {
    await recordPenalties(3);
    // The state a run leaves when it dies right after its draft commits: an unpublished draft of the latest content.
    const draft = await stack.gql('mutation ($p: String!) { generateDisclosure(kind: PENALTY_NOTICE, period: $p) { version status } }', { p: PERIOD }, regulator);
    expect(draft.data?.generateDisclosure).toEqual({ version: 3, status: 'DRAFT' });

    const holder = await holdAuditHead();
    const jobId = 'fault-r3-publish';
    await queue.add('disclosure-generate', { kind: 'PENALTY_NOTICE', period: PERIOD, regionCode: null }, { jobId, attempts: 6, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false });
    // The retry finds its draft (same content hash) and publishes it: version 2 superseded, 3 published, uncommitted.
    await waitFor(async () => (await waitingOnAuditHead()) === 1 && (await queue.getJob(jobId))?.processedOn, 60_000, 50);
    expect(await publicView()).toEqual({ version: 2, items: 10 });
    await restartMariadb(async () => {
      const down = await fetch(`http://127.0.0.1:${stack.ports.api}/public/disclosures?kind=PENALTY_NOTICE`);
      expect(down.status).toBeGreaterThanOrEqual(500); // an error, never a half-published answer
    });
    await holder.end().catch(() => undefined);
    const job = await waitFor(async () => {
      const j = await queue.getJob(jobId);
      return j?.finishedOn ? j : null;
    }, 120_000, 200);
    expect(job.attemptsMade).toBeGreaterThanOrEqual(2); // the first attempt died with the database, mid-publish
    expect(job.returnvalue).toMatchObject({ version: 3, status: 'PUBLISHED', created: false });
    expect(await versions()).toEqual([
      { version: 1, status: 'SUPERSEDED', item_count: 6, items: '6' },
      { version: 2, status: 'SUPERSEDED', item_count: 10, items: '10' },
      { version: 3, status: 'PUBLISHED', item_count: 13, items: '13' },
    ]);
    expect(await auditActions(3)).toEqual(['disclosure.generate', 'disclosure.publish']);
    expect(await publicView()).toEqual({ version: 3, items: 13 });
    // Once: the same run again changes nothing.
    const again = await runJob('fault-r3-again');
    expect(again.returnvalue).toMatchObject({ version: 3, status: 'PUBLISHED', created: false });
    expect(await auditActions(3)).toEqual(['disclosure.generate', 'disclosure.publish']);
    expect(stack.cli('audit:verify').status).toBe(0);
  });
});

describe('R3: MariaDB restarted during a list-feed snapshot', () => {
  it('a stream cut mid-way does not match its stamp; after the restart the snapshot matches it again', async () => {
    // A list long enough that the stream outlasts the socket buffers: 60,000 ACTIVE entries copied from a real one.
    const [entry] = await stack.query(`SELECT * FROM list_entries WHERE list = 'KEY_SUPERVISION' AND status = 'ACTIVE' LIMIT 1`);
    expect(entry).toBeDefined();
    const columns = Object.keys(entry).filter((c) => !['id', 'entry_id', 'open_key'].includes(c));
    await stack.query(
      `INSERT INTO list_entries (entry_id, open_key, ${columns.join(', ')})
       SELECT CONCAT('KS9', LPAD(s.seq, 11, '0')), NULL, ${columns.map((c) => `e.${c}`).join(', ')}
         FROM seq_1_to_60000 s JOIN list_entries e ON e.id = ?`,
      [entry.id],
    );
    const url = `http://127.0.0.1:${stack.ports.api}/feeds/lists/KEY_SUPERVISION/snapshot`;

    const cut = await download(url, async () => restartMariadb());
    expect(Number(cut.headers['x-row-count'])).toBeGreaterThan(60_000);
    expect(cut.rows).toBeLessThan(Number(cut.headers['x-row-count']));
    expect(cut.sha256).not.toBe(cut.headers['x-content-sha256']);
    expect(cut.complete).toBe(false); // the connection is cut, not ended as if whole

    await stack.healthBecomes('api', 'ready', 200);
    const whole = await download(url);
    expect(whole.headers['x-list-seq']).toBe(cut.headers['x-list-seq']);
    expect(whole.rows).toBe(Number(whole.headers['x-row-count']));
    expect(whole.sha256).toBe(whole.headers['x-content-sha256']);
    expect(whole.headers['x-content-sha256']).toBe(cut.headers['x-content-sha256']);
    expect(whole.complete).toBe(true);
  });
});

interface Download {
  headers: Record<string, string>;
  rows: number;
  sha256: string;
  complete: boolean;
}

/**
 * GETs a snapshot as a consumer would, hashing what arrives. With `interrupt`, reading pauses after the first
 * chunk (the server then waits on back-pressure mid-stream), `interrupt` runs, and reading resumes.
 */
function download(url: string, interrupt?: () => Promise<void>): Promise<Download> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { authorization: `Bearer ${ndrc}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`snapshot answered ${res.statusCode}`));
      const hash = createHash('sha256');
      let rows = 0;
      let paused = false;
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        resolve({ headers: res.headers as Record<string, string>, rows, sha256: hash.digest('hex'), complete: res.complete });
      };
      res.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        for (const b of chunk) if (b === 0x0a) rows++;
        if (interrupt && !paused) {
          paused = true;
          res.pause();
          interrupt().then(() => res.resume(), reject);
        }
      });
      res.on('end', finish);
      res.on('aborted', finish);
      res.on('error', finish);
      res.on('close', finish);
    });
    req.on('error', reject);
  });
}
