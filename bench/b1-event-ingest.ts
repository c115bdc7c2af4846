import { AuditModule, auditHash, findChainBreak, GENESIS_HASH } from '@app/audit';
import { canonicalJson } from '@app/common';
import { ConfigModule } from '@app/config';
import { IsoDate, normalizeEventItem, RecordEventItem } from '@app/credit';
import { DatabaseModule } from '@app/database';
import { DateWindow } from '@app/demo/generate/date-window';
import { Prng } from '@app/demo';
import { EventRecord, EventsService, RegistryModule } from '@app/registry';
import { contentOf } from '@app/registry/events/event-fields';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';
import { createHash } from 'node:crypto';
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

interface Prepared {
  items: RecordEventItem[];
  subjects: number;
  /** The baseline's rows, computed before the timing: what the service would store for each item. */
  rows: { subjectId: string; values: unknown[] }[];
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
    const generated = generate(spec);
    progress(`B1: ${generated.items.length} events on ${generated.subjectRows.length} institutions and pharmacies generated; loading the subjects into both databases`);
    for (const pool of [servicePool, baselinePool]) await loadSubjects(pool, generated.subjectRows);
    const prepared = prepare(app.get<DataSource>(getDataSourceToken()), generated);

    const service = app.get(EventsService);
    const baselineMs: number[] = [];
    const serviceMs: number[] = [];
    const cpu = { base: 0, svc: 0 };
    const conn = await baselinePool.getConnection();
    try {
      for (let s = 0; s < SEGMENTS; s++) {
        const from = Math.round((s * prepared.items.length) / SEGMENTS);
        const to = Math.round(((s + 1) * prepared.items.length) / SEGMENTS);
        let c0 = process.cpuUsage();
        const base = await timed(() => baselineSegment(conn, prepared, from, to));
        cpu.base += cpuMs(process.cpuUsage(c0));
        baselineMs.push(base.ms);
        c0 = process.cpuUsage();
        const svc = await timed(() => serviceSegment(service, prepared.items, from, to));
        cpu.svc += cpuMs(process.cpuUsage(c0));
        serviceMs.push(svc.ms);
        progress(`B1 segment ${s + 1}/${SEGMENTS}: ${to - from} events, baseline ${secs(base.ms)}, service ${secs(svc.ms)}`);
      }
    } finally {
      conn.release();
    }

    progress('B1: comparing the two databases row by row');
    const differences: string[] = [];
    let count = 0;
    const differ = (d: string): void => {
      count++;
      if (differences.length < SHOW_DIFFERENCES) differences.push(d);
    };
    await compareDatabases(servicePool, dbs, prepared.columns, differ);
    await checkChain(servicePool, 'service', differ);
    await checkChain(baselinePool, 'baseline', differ);

    const replay = await replayDuplicates(service, servicePool, prepared.items, spec.seed, differ);
    const total = { base: sum(baselineMs), svc: sum(serviceMs) };
    return {
      id: 'B1',
      title: 'event ingest through the service batch path',
      size: `${prepared.items.length} events`,
      sizes: [
        `${prepared.items.length} events on ${prepared.subjects} institutions and pharmacies (seeded demo generator), batches of ${BATCH}, ` +
          `${SEGMENTS} segments timed in turns`,
      ],
      baseline: { label: `raw mysql2 multi-row INSERTs (events, outbox, event revision, audit row + head), one transaction per ${BATCH}; total`, ms: total.base },
      service: { label: `EventsService.record (recordEvents' batch path) in process, one call per ${BATCH}; total`, ms: total.svc },
      runs: { baseline: baselineMs, service: serviceMs },
      details: [
        `service ${perSecond(prepared.items.length, total.svc)} events/s, baseline ${perSecond(prepared.items.length, total.base)} events/s`,
        `CPU of the Node process (user + system): service ${secs(cpu.svc)} of its ${secs(total.svc)}, baseline ${secs(cpu.base)} of its ${secs(total.base)}; ` +
          `the rest is waiting for the database (and, on a shared machine, for a core)`,
        `segment ratios ${baselineMs.map((b, i) => (serviceMs[i] / b).toFixed(2)).join(', ')} (median ${median(baselineMs.map((b, i) => serviceMs[i] / b)).toFixed(2)})`,
        `replay of ${replay.items} events (${DUPLICATE_SHARE * 100} %, seeded sample) through the service: ${replay.duplicates} duplicates, ${replay.created} created, ` +
          `no row added to events, outbox, audit_log or any event revision; ${secs(replay.ms)} (${perSecond(replay.items, replay.ms)} events/s)`,
      ],
      ratio: total.svc / total.base,
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

interface Generated {
  items: RecordEventItem[];
  subjectRows: unknown[][];
  idByCode: Map<string, string>;
}

/** Organisations and their events from the demo generator, slice by slice (load-data's building blocks). */
function generate(spec: B1Spec): Generated {
  const window = new DateWindow(spec.today, spec.years);
  const subjects = Math.max(1, Math.round(spec.events / EVENTS_PER_SUBJECT));
  const createdAt = new Date(`${spec.today}T04:00:00.000Z`);
  const items: RecordEventItem[] = [];
  const subjectRows: unknown[][] = [];
  const idByCode = new Map<string, string>();
  const slices = Math.ceil(subjects / SLICE_SUBJECTS);
  for (let slice = 0; slice < slices; slice++) {
    const from = slice * SLICE_SUBJECTS;
    const to = Math.min(subjects, from + SLICE_SUBJECTS);
    const budget = Math.round((spec.events * to) / subjects) - Math.round((spec.events * from) / subjects);
    const { organisations, events } = generateSlice({ ...spec, subjects }, window, STREAM_BASE + slice, to - from, budget);
    for (const o of organisations) {
      if (idByCode.has(o.creditCode)) continue;
      const id = String(subjectRows.length + 1);
      idByCode.set(o.creditCode, id);
      subjectRows.push([id, o.type, o.item.name, o.creditCode, o.regionCode, o.item.agreementSignedOn, createdAt, 0]);
    }
    // Each slice numbers its source references from 1 again: the slice keeps them unique.
    for (const e of events) if (idByCode.has(e.creditCode!)) items.push({ ...e, sourceRef: `${e.sourceRef}/${slice}` });
  }
  return { items, subjectRows, idByCode };
}

async function loadSubjects(pool: Pool, rows: unknown[][]): Promise<void> {
  const conns = await Promise.all([pool.getConnection()]);
  try {
    await insertRows(conns, 'subjects', SUBJECT_COLUMNS, rows);
  } finally {
    for (const c of conns) c.release();
  }
}

/**
 * The row the service stores for each item, from the entity's own column list: normalised content, the
 * subject's id, version 1, the input hash as the service defines it (content + source key + subject id,
 * canonical JSON, SHA-256). The write times are filled in when the baseline inserts.
 */
function prepare(ds: DataSource, g: Generated): Prepared {
  const meta = ds.getMetadata(EventRecord);
  const props = meta.columns.filter((c) => !c.isGenerated).map((c) => ({ prop: c.propertyName, column: c.databaseName }));
  const rows = g.items.map((raw) => {
    const item = normalizeEventItem(raw);
    const subjectId = g.idByCode.get(item.creditCode!)!;
    const content = contentOf(item);
    const inputHash = createHash('sha256')
      .update(canonicalJson({ ...content, sourceSystem: item.sourceSystem, sourceRef: item.sourceRef, subjectId }))
      .digest('hex');
    const row: Record<string, unknown> = { ...content, subjectId, version: 1, sourceSystem: item.sourceSystem, sourceRef: item.sourceRef, inputHash, changeReason: null, recordedBy: ACTOR };
    return { subjectId, values: props.map((p) => (TIME_COLUMNS.has(p.column) ? null : (row[p.prop] ?? null))) };
  });
  return { items: g.items, subjects: g.subjectRows.length, rows, columns: props.map((p) => p.column) };
}

async function serviceSegment(service: EventsService, items: readonly RecordEventItem[], from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += BATCH) {
    const result = await service.record(items.slice(start, Math.min(to, start + BATCH)), ACTOR);
    if (result.duplicates !== 0) throw new Error(`B1: the service found ${result.duplicates} duplicates in fresh data`);
  }
}

/** The same writes as the service's batch, raw: what a hand-written loader with the same guarantees stores. */
async function baselineSegment(conn: PoolConnection, p: Prepared, from: number, to: number): Promise<void> {
  const timeIdx = p.columns.map((c, i) => (TIME_COLUMNS.has(c) ? i : -1)).filter((i) => i >= 0);
  const eventsSql = `INSERT INTO events (${p.columns.join(', ')}) VALUES ?`;
  for (let start = from; start < to; start += BATCH) {
    const batch = p.rows.slice(start, Math.min(to, start + BATCH));
    const now = new Date();
    await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    await conn.beginTransaction();
    const ids: string[] = [];
    for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
      const chunk = batch.slice(i, i + ROWS_PER_INSERT).map((r) => {
        const values = [...r.values];
        for (const t of timeIdx) values[t] = now;
        return values;
      });
      const [res] = await conn.query<ResultSetHeader>(eventsSql, [chunk]);
      // A multi-row INSERT's ids are consecutive from insertId (InnoDB's consecutive auto-increment lock mode).
      for (let k = 0; k < chunk.length; k++) ids.push(String(res.insertId + k));
    }
    const subjects = [...new Set(batch.map((r) => r.subjectId))].sort((a, b) => Number(a) - Number(b));
    await conn.query('INSERT INTO outbox (topic, subject_id, created_at, delivered_at) VALUES ?', [subjects.map((s) => ['subject-changed', s, now, null])]);
    await conn.query('UPDATE subjects SET event_revision = event_revision + 1 WHERE id IN (?)', [subjects]);
    await appendAudit(conn, ids);
    await conn.commit();
  }
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

/** A seeded 10 % of the recorded events, sent again in batches: every one a duplicate, no row added anywhere. */
async function replayDuplicates(
  service: EventsService,
  pool: Pool,
  items: readonly RecordEventItem[],
  seed: number,
  differ: (d: string) => void,
): Promise<{ items: number; duplicates: number; created: number; ms: number }> {
  const rng = new Prng(seed, STREAM_BASE - 1);
  const picked = items.filter(() => rng.next() < DUPLICATE_SHARE);
  const before = await counts(pool);
  progress(`B1: replaying ${picked.length} events (${DUPLICATE_SHARE * 100} %) through the service`);
  let duplicates = 0;
  let created = 0;
  const run = await timed(async () => {
    for (let start = 0; start < picked.length; start += BATCH) {
      const r = await service.record(picked.slice(start, start + BATCH), ACTOR);
      duplicates += r.duplicates;
      created += r.created;
    }
  });
  const after = await counts(pool);
  for (const k of Object.keys(before) as (keyof typeof before)[]) {
    if (before[k] !== after[k]) differ(`replay: ${k} went from ${before[k]} to ${after[k]}`);
  }
  if (duplicates !== picked.length || created !== 0) differ(`replay: ${duplicates} duplicates and ${created} created of ${picked.length}`);
  return { items: picked.length, duplicates, created, ms: run.ms };
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
