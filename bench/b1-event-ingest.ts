import { AuditModule, auditHash, findChainBreak, GENESIS_HASH } from '@app/audit';
import { canonicalJson } from '@app/common';
import { ConfigModule } from '@app/config';
import { IsoDate, normalizeEventItem, RecordEventItem } from '@app/credit';
import { DatabaseModule } from '@app/database';
import { DateWindow } from '@app/demo/generate/date-window';
import { OrganisationProfile } from '@app/demo/generate/organisation-profile';
import { Prng } from '@app/demo';
import { EventRecord, EventsService, RegistryModule } from '@app/registry';
import { contentOf } from '@app/registry/events/event-fields';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';
import { createHash } from 'node:crypto';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { rawPool, recreateDatabase } from './bench-db';
import { generateSlice, insertRows, SUBJECT_COLUMNS } from './load-data';
import { BenchResult, median, progress, timed } from './report';

/** The registry and what it writes with (audit): the code recordEvents calls, nothing of HTTP or the queue. */
@Module({ imports: [ConfigModule, DatabaseModule, AuditModule, RegistryModule] })
class IngestBenchModule {}

export interface B1Spec {
  seed: number;
  events: number;
  /** The generator's "today": every date on or before it. */
  today: IsoDate;
  years: number;
}

/** recordEvents' limit (api-contract.md): the service path and the baseline commit the same batches. */
const BATCH = 5_000;
/** Rows per multi-row INSERT on both sides (the service's own INSERT_CHUNK). */
const ROWS_PER_INSERT = 1_000;
/** The events are timed in this many segments, baseline and service taking turns, as the tables grow alike. */
const SEGMENTS = 5;
const EVENTS_PER_SUBJECT = 10;
const SLICE_SUBJECTS = 20_000;
const STREAM_BASE = 300;
const ACTOR = 'bench:b1';
const DUPLICATE_SHARE = 0.1;
const SHOW_DIFFERENCES = 5;
// Set by the insert itself: the time of the write, never equal across two runs.
const TIME_COLUMNS = new Set(['first_recorded_at', 'recorded_at']);

/** The baseline's rows for one batch, computed before its timing: what the service would store for each item. */
interface PreparedBatch {
  rows: { subjectId: string; values: unknown[] }[];
}

/** The column list of `events` the baseline writes, from the entity (every column but the generated id). */
interface EventColumns {
  props: { prop: string; column: string }[];
  columns: string[];
}

/**
 * B1 (quality.md): 500k events through EventsService.record — the call the recordEvents resolver makes, in
 * process: validation, subject resolution, duplicate check, multi-row inserts, outbox, event revision and the
 * audit row, one durable transaction per batch of 5,000 — against raw mysql2 multi-row INSERTs of the same
 * rows into identical tables (a second database migrated the same way): events, outbox, the subjects' event
 * revision and one hash-chained audit row per batch. In process rather than over HTTP: B1 measures the
 * batch path; GraphQL's parsing of 5,000-item inputs is B4's kind of cost and would be measured in the same
 * process anyway. Then 10 % of the events are sent again and must add no row anywhere.
 */
export async function runB1(env: Record<string, string>, spec: B1Spec): Promise<BenchResult> {
  const dbs = { service: `${env.DB_NAME}_b1`, baseline: `${env.DB_NAME}_b1raw` };
  progress(`B1: creating and migrating ${dbs.service} and ${dbs.baseline} (identical tables)`);
  await recreateDatabase({ ...env, DB_NAME: dbs.service });
  await recreateDatabase({ ...env, DB_NAME: dbs.baseline });
  const servicePool = rawPool({ ...env, DB_NAME: dbs.service });
  const baselinePool = rawPool({ ...env, DB_NAME: dbs.baseline }, 1);
  const savedDb = process.env.DB_NAME;
  process.env.DB_NAME = dbs.service; // the Nest context's ConfigModule reads process.env when it starts
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(IngestBenchModule, { logger: ['error', 'warn'] });
    const subjects = await loadSubjects(spec, [servicePool, baselinePool]);
    const total = subjects.events;
    progress(`B1: ${subjects.count} institutions and pharmacies loaded into both databases; ${total} events to record, generated a batch at a time`);
    const columns = eventColumns(app.get<DataSource>(getDataSourceToken()));

    const service = app.get(EventsService);
    // Each side reads the same events from its own generator, a slice at a time: nothing grows with the size.
    const forBaseline = new EventSource(spec, subjects.idByCode);
    const forService = new EventSource(spec, subjects.idByCode);
    const baselineMs: number[] = [];
    const serviceMs: number[] = [];
    const clocks = { base: new SideClock(), svc: new SideClock() };
    const gc = new GcPauses();
    const conn = await baselinePool.getConnection();
    try {
      for (let s = 0; s < SEGMENTS; s++) {
        const from = Math.round((s * total) / SEGMENTS);
        const to = Math.round(((s + 1) * total) / SEGMENTS);
        const base = await baselineSegment(clocks.base, conn, forBaseline, subjects.idByCode, columns, to - from);
        baselineMs.push(base);
        const svc = await serviceSegment(clocks.svc, service, forService, to - from);
        serviceMs.push(svc);
        progress(`B1 segment ${s + 1}/${SEGMENTS}: ${to - from} events, baseline ${secs(base)}, service ${secs(svc)}`);
      }
    } finally {
      conn.release();
      gc.stop();
    }

    progress('B1: comparing the two databases row by row');
    const differences: string[] = [];
    let count = 0;
    const differ = (d: string): void => {
      count++;
      if (differences.length < SHOW_DIFFERENCES) differences.push(d);
    };
    await compareDatabases(servicePool, dbs, columns.columns, differ);
    await checkChain(servicePool, 'service', differ);
    await checkChain(baselinePool, 'baseline', differ);

    const replay = await replayDuplicates(service, servicePool, new EventSource(spec, subjects.idByCode), total, spec.seed, differ);
    const took = { base: sum(baselineMs), svc: sum(serviceMs) };
    return {
      id: 'B1',
      title: 'event ingest through the service batch path',
      size: `${total} events`,
      sizes: [
        `${total} events on ${subjects.count} institutions and pharmacies (seeded demo generator), batches of ${BATCH}, ` +
          `${SEGMENTS} segments timed in turns (each batch generated, and the baseline's rows prepared, outside the timing)`,
      ],
      baseline: { label: `raw mysql2 multi-row INSERTs (events, outbox, event revision, audit row + head), one transaction per ${BATCH}; total`, ms: took.base },
      service: { label: `EventsService.record (recordEvents' batch path) in process, one call per ${BATCH}; total`, ms: took.svc },
      runs: { baseline: baselineMs, service: serviceMs },
      details: [
        `service ${perSecond(total, took.svc)} events/s, baseline ${perSecond(total, took.base)} events/s`,
        `CPU of the Node process (user + system): service ${secs(clocks.svc.cpuMs)} of its ${secs(took.svc)}, baseline ${secs(clocks.base.cpuMs)} of its ${secs(took.base)}; ` +
          `the rest is waiting for the database (and, on a shared machine, for a core)`,
        `garbage-collection pauses inside the timed calls: service ${secs(gc.within(clocks.svc.windows))}, baseline ${secs(gc.within(clocks.base.windows))}`,
        `segment ratios ${baselineMs.map((b, i) => (serviceMs[i] / b).toFixed(2)).join(', ')} (median ${median(baselineMs.map((b, i) => serviceMs[i] / b)).toFixed(2)})`,
        `replay of ${replay.items} events (${DUPLICATE_SHARE * 100} %, seeded sample) through the service: ${replay.duplicates} duplicates, ${replay.created} created, ` +
          `no row added to events, outbox, audit_log or any event revision; ${secs(replay.ms)} (${perSecond(replay.items, replay.ms)} events/s)`,
      ],
      ratio: took.svc / took.base,
      target: 1.5,
      targetText: '≤ 1.5× the baseline time; a 10 % replay adds no rows',
      differences,
      differenceCount: count,
      notes: [
        'both sides commit durably per batch (innodb_flush_log_at_trx_commit=1); the baseline skips validation, the lookups and the duplicate check: its rows are computed before the timing',
        `the comparison covers every column of events but the write times (${[...TIME_COLUMNS].join(', ')}), outbox rows per subject, every event revision, and the audit rows (content; each chain verified on its own)`,
      ],
    };
  } finally {
    process.env.DB_NAME = savedDb;
    await app?.close();
    await servicePool.end();
    await baselinePool.end();
    // The two databases' pages would otherwise share B2's buffer pool.
    const admin = rawPool(env, 1);
    await admin.query(`DROP DATABASE IF EXISTS \`${dbs.service}\``);
    await admin.query(`DROP DATABASE IF EXISTS \`${dbs.baseline}\``);
    await admin.end();
  }
}

/** The organisations, loaded into both databases (setup), and what the event passes need to know of them. */
interface LoadedSubjects {
  count: number;
  /** Credit code → subject id: one short entry per organisation (the events are never all held). */
  idByCode: Map<string, string>;
  /** How many events the generator yields for them. */
  events: number;
}

/**
 * The demo generator's organisations and events, slice by slice (load-data's building blocks): a slice's
 * Prng streams depend only on the seed and the sizes, so every pass over the slices yields the same data.
 */
function* slices(spec: B1Spec): Generator<{ slice: number; organisations: OrganisationProfile[]; events: RecordEventItem[] }> {
  const window = new DateWindow(spec.today, spec.years);
  const subjects = Math.max(1, Math.round(spec.events / EVENTS_PER_SUBJECT));
  const count = Math.ceil(subjects / SLICE_SUBJECTS);
  for (let slice = 0; slice < count; slice++) {
    const from = slice * SLICE_SUBJECTS;
    const to = Math.min(subjects, from + SLICE_SUBJECTS);
    const budget = Math.round((spec.events * to) / subjects) - Math.round((spec.events * from) / subjects);
    yield { slice, ...generateSlice({ ...spec, subjects }, window, STREAM_BASE + slice, to - from, budget) };
  }
}

/** One pass over the slices: the organisations into both databases, a slice at a time; the events counted. */
async function loadSubjects(spec: B1Spec, pools: Pool[]): Promise<LoadedSubjects> {
  const createdAt = new Date(`${spec.today}T04:00:00.000Z`);
  const idByCode = new Map<string, string>();
  let events = 0;
  for (const { organisations, events: sliceEvents } of slices(spec)) {
    const rows: unknown[][] = [];
    for (const o of organisations) {
      if (idByCode.has(o.creditCode)) continue;
      const id = String(idByCode.size + 1);
      idByCode.set(o.creditCode, id);
      rows.push([id, o.type, o.item.name, o.creditCode, o.regionCode, o.item.agreementSignedOn, createdAt, 0]);
    }
    for (const pool of pools) {
      const conn = await pool.getConnection();
      try {
        await insertRows([conn], 'subjects', SUBJECT_COLUMNS, rows);
      } finally {
        conn.release();
      }
    }
    for (const e of sliceEvents) if (idByCode.has(e.creditCode!)) events++;
  }
  return { count: idByCode.size, idByCode, events };
}

/** The events in their fixed order, handed out a batch at a time; at most one slice of them is held. */
class EventSource {
  private readonly pending: Generator<{ slice: number; events: RecordEventItem[] }>;
  private buffer: RecordEventItem[] = [];
  private at = 0;

  constructor(
    spec: B1Spec,
    private readonly idByCode: ReadonlyMap<string, string>,
  ) {
    this.pending = slices(spec);
  }

  take(n: number): RecordEventItem[] {
    const out: RecordEventItem[] = [];
    while (out.length < n) {
      if (this.at === this.buffer.length && !this.refill()) break;
      const k = Math.min(n - out.length, this.buffer.length - this.at);
      for (let i = 0; i < k; i++) out.push(this.buffer[this.at + i]);
      this.at += k;
    }
    return out;
  }

  private refill(): boolean {
    const next = this.pending.next();
    if (next.done) return false;
    const { slice, events } = next.value;
    // Each slice numbers its source references from 1 again: the slice keeps them unique.
    this.buffer = events.filter((e) => this.idByCode.has(e.creditCode!)).map((e) => ({ ...e, sourceRef: `${e.sourceRef}/${slice}` }));
    this.at = 0;
    return true;
  }
}

function eventColumns(ds: DataSource): EventColumns {
  const meta = ds.getMetadata(EventRecord);
  const props = meta.columns.filter((c) => !c.isGenerated).map((c) => ({ prop: c.propertyName, column: c.databaseName }));
  return { props, columns: props.map((p) => p.column) };
}

/**
 * The row the service stores for each item, from the entity's own column list: normalised content, the
 * subject's id, version 1, the input hash as the service defines it (content + source key + subject id,
 * canonical JSON, SHA-256: written here the plain way, so the equality check also checks the service's
 * faster construction of it). The write times are filled in when the baseline inserts.
 */
function prepareBatch(items: readonly RecordEventItem[], idByCode: ReadonlyMap<string, string>, c: EventColumns): PreparedBatch {
  const rows = items.map((raw) => {
    const item = normalizeEventItem(raw);
    const subjectId = idByCode.get(item.creditCode!)!;
    const content = contentOf(item);
    const inputHash = createHash('sha256')
      .update(canonicalJson({ ...content, sourceSystem: item.sourceSystem, sourceRef: item.sourceRef, subjectId }))
      .digest('hex');
    const row: Record<string, unknown> = { ...content, subjectId, version: 1, sourceSystem: item.sourceSystem, sourceRef: item.sourceRef, inputHash, changeReason: null, recordedBy: ACTOR };
    return { subjectId, values: c.props.map((p) => (TIME_COLUMNS.has(p.column) ? null : (row[p.prop] ?? null))) };
  });
  return { rows };
}

/** One side's timed calls: their wall time, the process's CPU time in them, and when they ran. */
class SideClock {
  ms = 0;
  cpuMs = 0;
  readonly windows: [number, number][] = [];

  async time<T>(fn: () => Promise<T>): Promise<T> {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const value = await fn();
    const t1 = performance.now();
    this.cpuMs += cpuMs(process.cpuUsage(c0));
    this.ms += t1 - t0;
    this.windows.push([t0, t1]);
    return value;
  }
}

/** The process's garbage-collection pauses (perf_hooks), to tell how much of each side's time they took. */
class GcPauses {
  private readonly pauses: [number, number][] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.pauses.push([e.startTime, e.startTime + e.duration]);
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer.disconnect();
  }

  /** Pause time that fell inside the windows (both in performance.now() time, both in order). */
  within(windows: readonly [number, number][]): number {
    let total = 0;
    for (const [a, b] of this.pauses) {
      for (const [x, y] of windows) total += Math.max(0, Math.min(b, y) - Math.max(a, x));
    }
    return total;
  }
}

/** Only the record calls are timed: the items are generated between them, as a client would have them ready. */
async function serviceSegment(clock: SideClock, service: EventsService, source: EventSource, events: number): Promise<number> {
  const before = clock.ms;
  for (let done = 0; done < events; done += BATCH) {
    const items = source.take(Math.min(BATCH, events - done));
    const result = await clock.time(() => service.record(items, ACTOR));
    if (result.duplicates !== 0) throw new Error(`B1: the service found ${result.duplicates} duplicates in fresh data`);
  }
  return clock.ms - before;
}

/**
 * The same writes as the service's batch, raw: what a hand-written loader with the same guarantees stores.
 * Each batch's rows are prepared before its timing starts; the timing covers its transaction.
 */
async function baselineSegment(
  clock: SideClock,
  conn: PoolConnection,
  source: EventSource,
  idByCode: ReadonlyMap<string, string>,
  c: EventColumns,
  events: number,
): Promise<number> {
  const before = clock.ms;
  for (let done = 0; done < events; done += BATCH) {
    const batch = prepareBatch(source.take(Math.min(BATCH, events - done)), idByCode, c);
    await clock.time(() => baselineBatch(conn, batch, c));
  }
  return clock.ms - before;
}

async function baselineBatch(conn: PoolConnection, batch: PreparedBatch, c: EventColumns): Promise<void> {
  const timeIdx = c.columns.map((col, i) => (TIME_COLUMNS.has(col) ? i : -1)).filter((i) => i >= 0);
  const eventsSql = `INSERT INTO events (${c.columns.join(', ')}) VALUES ?`;
  const now = new Date();
  await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
  await conn.beginTransaction();
  const ids: string[] = [];
  for (let i = 0; i < batch.rows.length; i += ROWS_PER_INSERT) {
    const chunk = batch.rows.slice(i, i + ROWS_PER_INSERT).map((r) => {
      const values = [...r.values];
      for (const t of timeIdx) values[t] = now;
      return values;
    });
    const [res] = await conn.query<ResultSetHeader>(eventsSql, [chunk]);
    // A multi-row INSERT's ids are consecutive from insertId (InnoDB's consecutive auto-increment lock mode).
    for (let k = 0; k < chunk.length; k++) ids.push(String(res.insertId + k));
  }
  const subjects = [...new Set(batch.rows.map((r) => r.subjectId))].sort((a, b) => Number(a) - Number(b));
  await conn.query('INSERT INTO outbox (topic, subject_id, created_at, delivered_at) VALUES ?', [subjects.map((s) => ['subject-changed', s, now, null])]);
  await conn.query('UPDATE subjects SET event_revision = event_revision + 1 WHERE id IN (?)', [subjects]);
  await appendAudit(conn, ids);
  await conn.commit();
}

async function appendAudit(conn: PoolConnection, ids: string[]): Promise<void> {
  const [[head]] = (await conn.query('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE')) as unknown as [[{ seq: string; hash: string }]];
  const content = {
    seq: (BigInt(head.seq) + 1n).toString(),
    at: new Date(),
    actor: ACTOR,
    action: 'events.record',
    targetType: 'event',
    targetId: ids.length === 1 ? ids[0] : `batch:${ids.length}`,
    diff: { created: ids, duplicates: 0 },
  };
  const hash = auditHash(head.hash, content);
  await conn.query('INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, diff, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    content.seq, content.at, content.actor, content.action, content.targetType, content.targetId, JSON.stringify(content.diff), head.hash, hash,
  ]);
  await conn.query('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [content.seq, hash]);
}

/** Both databases are on one server: one statement per table joins them row by row. */
async function compareDatabases(pool: Pool, dbs: { service: string; baseline: string }, columns: string[], differ: (d: string) => void): Promise<void> {
  const s = `\`${dbs.service}\``;
  const b = `\`${dbs.baseline}\``;
  const same = (cols: string[]): string => cols.map((c) => `x.${c} <=> y.${c}`).join(' AND ');
  const eventCols = ['id', ...columns.filter((c) => !TIME_COLUMNS.has(c))];
  const checks: { what: string; sql: string }[] = [
    {
      what: 'events',
      sql: `SELECT x.source_system AS a, x.source_ref AS b FROM ${s}.events x LEFT JOIN ${b}.events y
              ON y.source_system = x.source_system AND y.source_ref = x.source_ref WHERE y.id IS NULL OR NOT (${same(eventCols)})
            UNION ALL SELECT y.source_system, y.source_ref FROM ${b}.events y LEFT JOIN ${s}.events x
              ON x.source_system = y.source_system AND x.source_ref = y.source_ref WHERE x.id IS NULL`,
    },
    {
      what: 'outbox rows per subject',
      sql: `SELECT COALESCE(x.subject_id, y.subject_id) AS a, CONCAT(COALESCE(x.n, 0), ' vs ', COALESCE(y.n, 0)) AS b
              FROM (SELECT subject_id, topic, COUNT(*) n FROM ${s}.outbox GROUP BY subject_id, topic) x
              LEFT JOIN (SELECT subject_id, topic, COUNT(*) n FROM ${b}.outbox GROUP BY subject_id, topic) y ON y.subject_id = x.subject_id AND y.topic = x.topic
             WHERE NOT (x.n <=> y.n)
            UNION ALL SELECT y.subject_id, 'baseline only' FROM (SELECT DISTINCT subject_id, topic FROM ${b}.outbox) y
             WHERE NOT EXISTS (SELECT 1 FROM ${s}.outbox x WHERE x.subject_id = y.subject_id AND x.topic = y.topic)`,
    },
    {
      what: 'subjects (event revision)',
      sql: `SELECT x.id AS a, CONCAT(x.event_revision, ' vs ', COALESCE(y.event_revision, 'none')) AS b FROM ${s}.subjects x
              LEFT JOIN ${b}.subjects y ON y.id = x.id WHERE NOT (x.event_revision <=> y.event_revision)`,
    },
    {
      what: 'audit rows',
      sql: `SELECT x.seq AS a, x.action AS b FROM ${s}.audit_log x LEFT JOIN ${b}.audit_log y ON y.seq = x.seq
             WHERE NOT (${same(['actor', 'action', 'target_type', 'target_id'])} AND JSON_EQUALS(x.diff, y.diff))
            UNION ALL SELECT y.seq, 'baseline only' FROM ${b}.audit_log y WHERE NOT EXISTS (SELECT 1 FROM ${s}.audit_log x WHERE x.seq = y.seq)`,
    },
  ];
  for (const c of checks) {
    const [rows] = (await pool.query(c.sql)) as unknown as [{ a: unknown; b: unknown }[]];
    for (const r of rows) differ(`${c.what}: ${String(r.a)} ${String(r.b)}`);
  }
  const [[n]] = (await pool.query(`SELECT (SELECT COUNT(*) FROM ${s}.events) AS svc, (SELECT COUNT(*) FROM ${b}.events) AS base`)) as unknown as [
    [{ svc: string; base: string }],
  ];
  if (Number(n.svc) !== Number(n.base)) differ(`events: ${n.svc} stored by the service, ${n.base} by the baseline`);
}

/** Each side's audit chain must verify on its own (the hashes differ: they cover the write time). */
async function checkChain(pool: Pool, side: string, differ: (d: string) => void): Promise<void> {
  const [rows] = (await pool.query('SELECT seq, at, actor, action, target_type AS targetType, target_id AS targetId, diff, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')) as unknown as [
    { seq: string; at: Date; actor: string; action: string; targetType: string; targetId: string; diff: unknown; prevHash: string; hash: string }[],
  ];
  const parsed = rows.map((r) => ({ ...r, seq: String(r.seq), diff: (typeof r.diff === 'string' ? JSON.parse(r.diff) : r.diff) as Record<string, unknown> }));
  const result = findChainBreak(parsed, { seq: 0n, hash: GENESIS_HASH });
  if (result.break) differ(`${side}: audit chain breaks at seq ${result.break.seq} (${result.break.problem})`);
}

/**
 * A seeded 10 % of the recorded events, sent again in batches: every one a duplicate, no row added anywhere.
 * The sample is drawn from a fresh pass over the same events (one draw per event, in order), a batch at a time.
 */
async function replayDuplicates(
  service: EventsService,
  pool: Pool,
  source: EventSource,
  events: number,
  seed: number,
  differ: (d: string) => void,
): Promise<{ items: number; duplicates: number; created: number; ms: number }> {
  const rng = new Prng(seed, STREAM_BASE - 1);
  const before = await counts(pool);
  progress(`B1: replaying a ${DUPLICATE_SHARE * 100} % sample of the ${events} events through the service`);
  let items = 0;
  let duplicates = 0;
  let created = 0;
  let ms = 0;
  const send = async (picked: RecordEventItem[]): Promise<void> => {
    const run = await timed(() => service.record(picked, ACTOR));
    ms += run.ms;
    items += picked.length;
    duplicates += run.value.duplicates;
    created += run.value.created;
  };
  let picked: RecordEventItem[] = [];
  for (let done = 0; done < events; done += BATCH) {
    for (const item of source.take(Math.min(BATCH, events - done))) {
      if (rng.next() >= DUPLICATE_SHARE) continue;
      picked.push(item);
      if (picked.length === BATCH) {
        await send(picked);
        picked = [];
      }
    }
  }
  if (picked.length > 0) await send(picked);
  const after = await counts(pool);
  for (const k of Object.keys(before) as (keyof typeof before)[]) {
    if (before[k] !== after[k]) differ(`replay: ${k} went from ${before[k]} to ${after[k]}`);
  }
  if (duplicates !== items || created !== 0) differ(`replay: ${duplicates} duplicates and ${created} created of ${items}`);
  return { items, duplicates, created, ms };
}

async function counts(pool: Pool): Promise<{ events: string; outbox: string; audit: string; revisions: string; history: string }> {
  const [[row]] = (await pool.query(
    `SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM outbox) AS outbox, (SELECT COUNT(*) FROM audit_log) AS audit,
            (SELECT COALESCE(SUM(event_revision), 0) FROM subjects) AS revisions, (SELECT COUNT(*) FROM event_history) AS history`,
  )) as unknown as [[Record<string, string | number>]];
  return { events: String(row.events), outbox: String(row.outbox), audit: String(row.audit), revisions: String(row.revisions), history: String(row.history) };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function perSecond(n: number, ms: number): string {
  return Math.round(n / (ms / 1000)).toLocaleString('en');
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}
