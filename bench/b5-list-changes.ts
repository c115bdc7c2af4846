import { AuditService } from '@app/audit';
import { ApiKeysService, Role } from '@app/auth';
import { configureHttp } from '@app/common/http';
import { defaultListRules, IsoDate, ListKind, ListSeverity, makeCreditCode, SubjectType } from '@app/credit';
import { Prng } from '@app/demo';
import {
  appendListChanges,
  canonicalLine,
  entryIdOf,
  ListChangeOp,
  ListEntryStatus,
  ListsRefreshService,
  PendingListChange,
  toFeedEntry,
} from '@app/lists';
import { DesiredEntry } from '@app/lists/entries/reconcile-subject-lists';
import { subjectIdentities } from '@app/lists/entries/subject-identity';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import serialize from 'canonicalize';
import { Pool } from 'mysql2/promise';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module';
import { BenchResult, percentile, progress } from './report';

export interface B5Spec {
  seed: number;
  /** ACTIVE entries on the list at s1 (100,000 at scale 1). */
  entries: number;
  /** Changes between s1 and s2, made through ListsRefreshService.apply (1,000 at scale 1). */
  changes: number;
  /** The day the entries date from (effectiveFrom within the three years before it) and the changes are made on. */
  asOf: IsoDate;
}

const LIST = ListKind.KEY_SUPERVISION;
/** The list rules apply() needs (only the severe list's objection deadline reads them). */
const RULES = defaultListRules(SubjectType.MEDICAL_INSTITUTION);
/** Measured pulls of each kind, taking turns, after WARM_UP of each not counted. */
const REPETITIONS = 7;
const WARM_UP = 1;
/** api-contract.md: the changes feed's page limit (a consumer pages on when a page is full). */
const CHANGES_PAGE = 10_000;
/** Setup: entries per multi-row INSERT, change rows per appendListChanges transaction. */
const ROWS_PER_INSERT = 2_000;
const CHANGES_PER_BATCH = 5_000;
const SHOW_DIFFERENCES = 5;
// Prng streams of this benchmark (the generator's are 1–6, load-data's 100 and up per slice, B4's 200).
const STREAM_SUBJECTS = 500;
const STREAM_PLAN = 501;

const REGIONS = ['110105', '310104', '440106', '510107', '330106', '420102'];

type Op = 'ADD' | 'MODIFY' | 'REMOVE';

/** One bench subject and its (single) KEY_SUPERVISION reason as the bench last applied it. */
interface BenchSubject {
  id: string;
  type: SubjectType;
  name: string | null;
  creditCode: string | null;
  hmac: string | null;
  masked: string | null;
  regionCode: string;
  reasonCode: 'GRADE_D' | 'GRADE_E';
  effectiveFrom: string;
  /** Set by a MODIFY of a person's entry (a corrected legal basis). */
  legalBasis?: string | null;
}

interface Step {
  op: Op;
  subject: BenchSubject;
}

interface Pulled {
  ms: number;
  status: number;
  seq: number;
  rowCount: number | null;
  sha256: string | null;
  body: Buffer;
}

/**
 * B5 (quality.md): a consumer's incremental pull, `GET /feeds/lists/{list}/changes?since={s1}` (every change
 * since its last snapshot, full body received), against the full snapshot export `GET /feeds/lists/{list}/snapshot`
 * (full body received), both over HTTP against the real API (in process, on an ephemeral port, NDRC key).
 * Setup, not measured: a list of `entries` ACTIVE entries written in bulk (subjects and list_entries by raw
 * multi-row INSERTs, their ADD changes through appendListChanges, the service's own change-log writer, so
 * positions, audit rows and entry JSON have the service's shape), snapshot s1, then `changes` changes (ADD,
 * MODIFY, REMOVE) one subject at a time through ListsRefreshService.apply, the path the rescore and daily jobs
 * take, then snapshot s2. The check: s1's lines with the changes applied, as a consumer applies them, are
 * exactly s2's body, whose SHA-256 is s2's X-Content-SHA256; HEAD's stamp equals GET's.
 */
export async function runB5(pool: Pool, spec: B5Spec): Promise<BenchResult> {
  const plan = planSizes(spec);
  progress('B5: starting the API (ApiModule) on an ephemeral port');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error', 'warn'] });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  try {
    const base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/feeds/lists/${LIST}`;
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const t0 = performance.now();
    const { subjects, s1Sha256 } = await loadList(pool, dataSource, app.get(AuditService), spec, plan.adds);
    const loadMs = performance.now() - t0;
    progress(`B5: list of ${spec.entries} entries and their change log loaded in ${(loadMs / 1000).toFixed(1)} s`);
    const { secret } = await app.get(ApiKeysService).create(Role.NDRC, 'bench B5', 'bench');
    const differences: string[] = [];
    const differ = (d: string): void => {
      differences.push(d);
    };

    // s1: GET first (it computes and stores the stamp of this seq), then HEAD (reads the stored stamp).
    const s1 = await pull(`${base}/snapshot?format=ndjson`, secret);
    const s1Head = await pull(`${base}/snapshot?format=ndjson`, secret, 'HEAD');
    checkSnapshot('s1', s1, s1Head, spec.entries, differ);
    if (s1.sha256 !== s1Sha256) differ(`s1: X-Content-SHA256 ${s1.sha256} is not the hash of the ${spec.entries} lines loaded (${s1Sha256})`);
    if (s1.seq !== spec.entries) differ(`s1: X-List-Seq ${s1.seq}, expected ${spec.entries} (one ADD per loaded entry)`);

    const steps = planSteps(spec, plan, subjects);
    progress(`B5: ${steps.length} changes through ListsRefreshService.apply (${plan.adds} ADD, ${plan.modifies} MODIFY, ${plan.removes} REMOVE)`);
    const t1 = performance.now();
    const made = await applySteps(pool, dataSource, app.get(ListsRefreshService), steps, new Date(`${spec.asOf}T04:00:00.000Z`));
    const applyMs = performance.now() - t1;
    if (made !== steps.length) differ(`the service made ${made} feed changes for ${steps.length} planned ones`);
    progress(`B5: changes made in ${(applyMs / 1000).toFixed(1)} s`);

    // s2: HEAD first this time (the stamp computed on the HEAD path), then GET (reads it).
    const s2Head = await pull(`${base}/snapshot?format=ndjson`, secret, 'HEAD');
    const s2 = await pull(`${base}/snapshot?format=ndjson`, secret);
    checkSnapshot('s2', s2, s2Head, spec.entries + plan.adds - plan.removes, differ);
    if (s2.seq !== s1.seq + steps.length) differ(`s2: X-List-Seq ${s2.seq}, expected ${s1.seq + steps.length}`);

    // Measured: both pulls take turns (the order swaps every round), each checked complete outside the timing.
    progress(`B5: timing ${REPETITIONS} full exports and ${REPETITIONS} pulls of the changes since s1, taking turns (+${WARM_UP} warm-up each)`);
    const exportMs: number[] = [];
    const changesMs: number[] = [];
    let changes: Pulled | null = null;
    for (let i = 0; i < WARM_UP + REPETITIONS; i++) {
      const pullExport = async (): Promise<void> => {
        const p = await pull(`${base}/snapshot?format=ndjson`, secret);
        if (i >= WARM_UP) exportMs.push(p.ms);
        if (p.seq !== s2.seq || sha256(p.body) !== s2.sha256 || p.body.length !== s2.body.length) {
          differ(`export ${i + 1}: not the full s2 snapshot (seq ${p.seq}, ${p.body.length} bytes)`);
        }
      };
      const pullChanges = async (): Promise<void> => {
        const p = await pullAllChanges(base, secret, s1.seq);
        if (i >= WARM_UP) changesMs.push(p.ms);
        if (changes === null) changes = p;
        else if (!p.body.equals(changes.body) || p.seq !== changes.seq) differ(`changes ${i + 1}: a different answer from the first pull`);
      };
      if (i % 2 === 0) {
        await pullExport();
        await pullChanges();
      } else {
        await pullChanges();
        await pullExport();
      }
    }
    progress('B5: checking s1 + changes = s2');
    const pulledChanges = changes as unknown as Pulled;
    checkChanges(pulledChanges, s1.seq, s2.seq, plan, differ);
    checkReplay(s1.body, pulledChanges.body, s2, differ);

    const p50 = { export: percentile(exportMs, 50), changes: percentile(changesMs, 50) };
    const kib = (n: number): string => `${Math.round(n / 1024).toLocaleString('en')} KiB`;
    return {
      id: 'B5',
      title: `list changes since a seq vs the full snapshot export (${LIST}, REST over HTTP)`,
      sizes: [
        `${spec.entries} ACTIVE entries at s1 (seq ${s1.seq}), ${steps.length} changes through ListsRefreshService.apply ` +
          `(${plan.adds} ADD, ${plan.modifies} MODIFY, ${plan.removes} REMOVE) → ${s2.rowCount} entries at s2 (seq ${s2.seq})`,
        `${REPETITIONS} pulls of each, taking turns (+${WARM_UP} warm-up each, not counted)`,
      ],
      baseline: { label: `p50: GET /feeds/lists/${LIST}/snapshot?format=ndjson, full body received (${kib(s2.body.length)})`, ms: p50.export },
      service: { label: `p50: GET /feeds/lists/${LIST}/changes?since=${s1.seq}, full body received (${kib(pulledChanges.body.length)})`, ms: p50.changes },
      details: [
        `changes p95 ${percentile(changesMs, 95).toFixed(1)} ms, min ${Math.min(...changesMs).toFixed(1)} ms, max ${Math.max(...changesMs).toFixed(1)} ms`,
        `export p95 ${percentile(exportMs, 95).toFixed(1)} ms, min ${Math.min(...exportMs).toFixed(1)} ms, max ${Math.max(...exportMs).toFixed(1)} ms`,
        `setup: list loaded in ${(loadMs / 1000).toFixed(1)} s; ${steps.length} apply() transactions in ${(applyMs / 1000).toFixed(1)} s ` +
          `(${(applyMs / steps.length).toFixed(1)} ms each, durable commits)`,
      ],
      runs: { baseline: exportMs, service: changesMs },
      ratio: p50.changes / p50.export,
      target: 0.05,
      targetText: "p50 ≤ 0.05× the full export's p50; s1 + changes = s2",
      differences: differences.slice(0, SHOW_DIFFERENCES),
      differenceCount: differences.length,
      notes: [
        'the stamp is stored per (list, seq) once computed: s2\'s was computed by the HEAD before timing, so every timed export streams ' +
          'the lines under a stored stamp (the cheapest full export, a conservative baseline) and the changes pull needs none',
        'every timed export was checked complete outside the timing (bytes and SHA-256 equal to s2\'s stamp); every changes pull equal to the first',
        'equality: s1\'s lines with the changes applied (REMOVE drops the entryId, ADD/MODIFY set the entry\'s RFC 8785 line via npm canonicalize) ' +
          '= s2\'s body byte for byte, its SHA-256 = s2\'s X-Content-SHA256; HEAD\'s stamp = GET\'s for s1 and s2',
      ],
    };
  } finally {
    await app.close();
  }
}

interface PlanSizes {
  adds: number;
  /** MODIFY and REMOVE in total, of which `modifyAdded` modify entries added in this window and `removeModified` remove entries modified in it. */
  modifies: number;
  removes: number;
  modifyAdded: number;
  removeModified: number;
}

/** 30 % ADD, 40 % MODIFY, 30 % REMOVE; a twentieth of the changes touch an entry a second time (ADD then MODIFY, MODIFY then REMOVE). */
function planSizes(spec: B5Spec): PlanSizes {
  const n = spec.changes;
  const adds = Math.round(0.3 * n);
  const modifyAdded = Math.min(adds, Math.round(0.05 * n));
  const modifyExisting = Math.max(0, Math.round(0.4 * n) - modifyAdded);
  const removeModified = Math.min(modifyExisting, Math.round(0.05 * n));
  const removeExisting = n - adds - modifyAdded - modifyExisting - removeModified;
  if (removeExisting < 0 || modifyExisting + removeExisting > spec.entries) {
    throw new Error(`B5: ${n} changes do not fit a list of ${spec.entries} entries`);
  }
  return { adds, modifies: modifyAdded + modifyExisting, removes: removeModified + removeExisting, modifyAdded, removeModified };
}

/**
 * Setup: `entries` subjects on the list (three in five institutions, one in five pharmacies, one in five insured
 * persons, as the feed shows each), plus `adds` subjects that join it during the window, ids after every
 * existing subject. The entries go in by raw multi-row INSERTs shaped as reconcileSubjectLists makes them
 * (entryId from the row id, the open key); their ADD changes through appendListChanges in batches (positions
 * 1..entries on the list's stream, one audit row per batch, entry JSON from toFeedEntry). Returns the subjects
 * and the SHA-256 of the canonical lines loaded (what s1 must be stamped with).
 */
async function loadList(
  pool: Pool,
  dataSource: DataSource,
  audit: AuditService,
  spec: B5Spec,
  adds: number,
): Promise<{ subjects: BenchSubject[]; s1Sha256: string }> {
  const [[state]] = (await pool.query(
    `SELECT (SELECT COALESCE(MAX(id), 0) FROM subjects) AS maxSubject,
            (SELECT COUNT(*) FROM list_entries WHERE list = ?) AS entries,
            (SELECT COALESCE(MAX(id), 0) FROM list_entries) AS maxEntry,
            (SELECT COUNT(*) FROM stream_heads WHERE stream = ?) AS heads`,
    [LIST, `list:${LIST}`],
  )) as unknown as [{ maxSubject: string; entries: string; maxEntry: string; heads: string }[]];
  if (Number(state.entries) !== 0 || Number(state.heads) !== 0) throw new Error(`B5 needs an empty ${LIST} list (a fresh bench database)`);
  const [codeRows] = (await pool.query('SELECT credit_code AS code FROM subjects WHERE credit_code IS NOT NULL')) as unknown as [{ code: string }[]];
  const taken = new Set(codeRows.map((r) => r.code));

  const rng = new Prng(spec.seed, STREAM_SUBJECTS);
  const asOf = Date.parse(`${spec.asOf}T00:00:00Z`);
  let nextSubjectId = Number(state.maxSubject) + 1;
  let codeCounter = 0;
  const subjects: BenchSubject[] = [];
  for (let i = 0; i < spec.entries + adds; i++) {
    const roll = rng.next();
    const type = roll < 0.6 ? SubjectType.MEDICAL_INSTITUTION : roll < 0.8 ? SubjectType.PHARMACY : SubjectType.INSURED_PERSON;
    const regionCode = REGIONS[rng.int(0, REGIONS.length - 1)];
    const organisation = type !== SubjectType.INSURED_PERSON;
    let creditCode: string | null = null;
    if (organisation) {
      do creditCode = makeCreditCode(`52${regionCode}${String(++codeCounter).padStart(9, '0')}`);
      while (taken.has(creditCode));
    }
    const last4 = `${rng.int(0, 999).toString().padStart(3, '0')}${'0123456789X'[rng.int(0, 10)]}`;
    subjects.push({
      id: String(nextSubjectId++),
      type,
      name: organisation ? `${type === SubjectType.PHARMACY ? '重点监管药店' : '重点监管医院'}${i + 1}号` : null,
      creditCode,
      hmac: organisation ? null : createHash('sha256').update(`bench-b5:${spec.seed}:${i}`).digest('hex'),
      masked: organisation ? null : `${regionCode}********${last4}`,
      regionCode,
      reasonCode: organisation && rng.chance(0.3) ? 'GRADE_E' : 'GRADE_D',
      effectiveFrom: new Date(asOf - rng.int(0, 3 * 365) * 86_400_000).toISOString().slice(0, 10),
    });
  }
  const createdAt = new Date(`${spec.asOf}T04:00:00.000Z`);
  const conn = await pool.getConnection();
  try {
    await conn.query('SET SESSION unique_checks = 0');
    await conn.beginTransaction();
    for (let i = 0; i < subjects.length; i += ROWS_PER_INSERT) {
      const rows = subjects.slice(i, i + ROWS_PER_INSERT).map((s) => [
        s.id, s.type, s.name, s.creditCode, s.hmac, s.masked, s.regionCode, organisationDate(s), createdAt,
      ]);
      await conn.query(
        'INSERT INTO subjects (id, type, name, credit_code, resident_id_hmac, resident_id_masked, region_code, agreement_signed_on, created_at) VALUES ?',
        [rows],
      );
    }
    await conn.commit();
    await conn.query('SET SESSION unique_checks = 1');
  } finally {
    conn.release();
  }

  // The list: one ACTIVE entry per subject of the first `entries`, ids after any existing entry.
  const firstEntryId = Number(state.maxEntry) + 1;
  const onList = subjects.slice(0, spec.entries);
  const hash = createHash('sha256');
  const entryConn = await pool.getConnection();
  try {
    await entryConn.beginTransaction();
    for (let i = 0; i < onList.length; i += ROWS_PER_INSERT) {
      const rows = onList.slice(i, i + ROWS_PER_INSERT).map((s, k) => {
        const id = String(firstEntryId + i + k);
        return [
          id, entryIdOf(LIST, id), LIST, s.id, s.type, subjectKey(s), s.masked, s.name, s.reasonCode, null, null, null, null,
          ListSeverity.GENERAL, s.effectiveFrom, null, ListEntryStatus.ACTIVE, null, null, null, null, null, null,
          `${s.id}:${LIST}:${s.reasonCode}:-`, createdAt, createdAt,
        ];
      });
      await entryConn.query(
        `INSERT INTO list_entries (id, entry_id, list, subject_id, subject_type, subject_key, masked_id, subject_name, reason_code, event_id,
           legal_basis, decision_no, authority, severity, effective_from, planned_end, status, notified_on, objection_deadline, confirmed_at,
           confirmed_by, removed_at, removal_reason, open_key, created_at, updated_at) VALUES ?`,
        [rows],
      );
    }
    await entryConn.commit();
  } finally {
    entryConn.release();
  }
  for (let i = 0; i < onList.length; i += CHANGES_PER_BATCH) {
    const pending: PendingListChange[] = onList.slice(i, i + CHANGES_PER_BATCH).map((s, k) => {
      const entry = feedEntryOf(s, entryIdOf(LIST, String(firstEntryId + i + k)));
      hash.update(canonicalLine(entry), 'utf8');
      return { op: ListChangeOp.ADD, entry, removalReason: null };
    });
    await dataSource.transaction((em) => appendListChanges(em, audit, pending, { actor: 'bench', action: 'bench.b5.load', now: createdAt }));
  }
  await pool.query('ANALYZE TABLE subjects, list_entries, list_changes');
  return { subjects, s1Sha256: hash.digest('hex') };
}

function subjectKey(s: BenchSubject): string {
  return s.creditCode ?? s.hmac!;
}

function organisationDate(s: BenchSubject): string | null {
  return s.type === SubjectType.INSURED_PERSON ? null : '2015-01-01';
}

function feedEntryOf(s: BenchSubject, entryId: string): ReturnType<typeof toFeedEntry> {
  return toFeedEntry({
    entryId,
    list: LIST,
    subjectType: s.type,
    subjectKey: subjectKey(s),
    maskedId: s.masked,
    subjectName: s.name,
    reasonCode: s.reasonCode,
    legalBasis: s.legalBasis ?? null,
    decisionNo: null,
    authority: null,
    effectiveFrom: s.effectiveFrom,
    plannedEnd: null,
    status: ListEntryStatus.ACTIVE,
  });
}

/**
 * The window's changes in a seeded order: first ADDs of the new subjects, MODIFYs and REMOVEs of entries on the
 * list, shuffled together; then MODIFYs of some entries just added and REMOVEs of some just modified (the same
 * entry changing twice, which the consumer must apply in seq order).
 */
function planSteps(spec: B5Spec, plan: PlanSizes, subjects: BenchSubject[]): Step[] {
  const rng = new Prng(spec.seed, STREAM_PLAN);
  const onList = subjects.slice(0, spec.entries);
  const newcomers = subjects.slice(spec.entries);
  const modifyExisting = plan.modifies - plan.modifyAdded;
  const removeExisting = plan.removes - plan.removeModified;
  const picked = partialShuffle(rng, onList, modifyExisting + removeExisting);
  const modified = picked.slice(0, modifyExisting);
  const first: Step[] = [
    ...newcomers.map((subject) => ({ op: 'ADD' as const, subject })),
    ...modified.map((subject) => ({ op: 'MODIFY' as const, subject })),
    ...picked.slice(modifyExisting).map((subject) => ({ op: 'REMOVE' as const, subject })),
  ];
  const second: Step[] = [
    ...newcomers.slice(0, plan.modifyAdded).map((subject) => ({ op: 'MODIFY' as const, subject })),
    ...modified.slice(0, plan.removeModified).map((subject) => ({ op: 'REMOVE' as const, subject })),
  ];
  return [...partialShuffle(rng, first, first.length), ...partialShuffle(rng, second, second.length)];
}

/**
 * Each step as the list jobs make it: the subject's identity read from the registry's table, its desired entries
 * (none for REMOVE: the criterion no longer holds), one apply() transaction each. A MODIFY is a correction: an
 * organisation renamed in the registry (the entry's subjectName follows) or a person's entry with a corrected
 * legal basis. (Not its date: an open-ended entry keeps the day it first appeared.)
 */
async function applySteps(pool: Pool, dataSource: DataSource, service: ListsRefreshService, steps: readonly Step[], now: Date): Promise<number> {
  let made = 0;
  for (const [i, step] of steps.entries()) {
    const s = step.subject;
    if (step.op === 'MODIFY') {
      if (s.type === SubjectType.INSURED_PERSON) {
        s.legalBasis = s.legalBasis === '条例第41条' ? '条例第41条第二款' : '条例第41条';
      } else {
        s.name = `${s.name}（更名）`;
        await pool.query('UPDATE subjects SET name = ? WHERE id = ?', [s.name, s.id]);
      }
    }
    const desired: DesiredEntry[] =
      step.op === 'REMOVE'
        ? []
        : [{
            list: LIST,
            reasonCode: s.reasonCode,
            eventId: null,
            effectiveFrom: s.effectiveFrom,
            plannedEnd: null,
            severity: ListSeverity.GENERAL,
            legalBasis: s.legalBasis ?? null,
            decisionNo: null,
            authority: null,
          }];
    const [identity] = await subjectIdentities(dataSource.manager, [s.id]);
    made += await service.apply(identity, desired, new Set(), now, RULES);
    if ((i + 1) % 250 === 0) progress(`B5: ${i + 1}/${steps.length} changes applied`);
  }
  return made;
}

function partialShuffle<T>(rng: Prng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/** One request, timed from sending it to the last byte of the body received. */
async function pull(url: string, key: string, method: 'GET' | 'HEAD' = 'GET'): Promise<Pulled> {
  const t0 = performance.now();
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${key}` } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`B5: ${method} ${url} answered ${res.status}: ${body.toString('utf8', 0, 500)}`);
  const rowCount = res.headers.get('x-row-count');
  return { ms, status: res.status, seq: Number(res.headers.get('x-list-seq')), rowCount: rowCount === null ? null : Number(rowCount), sha256: res.headers.get('x-content-sha256'), body };
}

/** A consumer's incremental pull: pages of the changes feed from `since` until a page is not full. */
async function pullAllChanges(base: string, key: string, since: number): Promise<Pulled> {
  const t0 = performance.now();
  const bodies: Buffer[] = [];
  let seq = since;
  for (;;) {
    const page = await pull(`${base}/changes?since=${seq}&limit=${CHANGES_PAGE}`, key);
    bodies.push(page.body);
    const lines = countLines(page.body);
    seq = page.seq;
    if (lines < CHANGES_PAGE) break;
  }
  return { ms: performance.now() - t0, status: 200, seq, rowCount: null, sha256: null, body: Buffer.concat(bodies) };
}

function countLines(body: Buffer): number {
  let n = 0;
  for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) n++;
  return n;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function checkSnapshot(name: string, get: Pulled, head: Pulled, rows: number, differ: (d: string) => void): void {
  if (head.body.length !== 0) differ(`${name}: HEAD sent a body of ${head.body.length} bytes`);
  if (head.seq !== get.seq || head.rowCount !== get.rowCount || head.sha256 !== get.sha256) {
    differ(`${name}: HEAD's stamp (${head.seq}, ${head.rowCount}, ${head.sha256}) is not GET's (${get.seq}, ${get.rowCount}, ${get.sha256})`);
  }
  const hash = sha256(get.body);
  if (hash !== get.sha256) differ(`${name}: the body's SHA-256 ${hash} is not its X-Content-SHA256 ${get.sha256}`);
  const lines = countLines(get.body);
  if (lines !== rows || get.rowCount !== rows) differ(`${name}: ${lines} lines, X-Row-Count ${get.rowCount}, expected ${rows}`);
}

function checkChanges(pulled: Pulled, from: number, to: number, plan: PlanSizes, differ: (d: string) => void): void {
  const lines = pulled.body.toString('utf8').split('\n').filter((l) => l.length > 0);
  const changes = lines.map((l) => JSON.parse(l) as { seq: number; op: Op; removalReason: string | null });
  const count = { ADD: 0, MODIFY: 0, REMOVE: 0 };
  const outOfPlace = changes.filter((c, i) => c.seq !== from + 1 + i);
  if (outOfPlace.length > 0) {
    const i = changes.indexOf(outOfPlace[0]);
    differ(`changes: ${outOfPlace.length} out of place, first line ${i + 1} with seq ${outOfPlace[0].seq}, expected ${from + 1 + i} (gap-free, ascending)`);
  }
  for (const c of changes) {
    count[c.op]++;
    if ((c.op === 'REMOVE') !== (c.removalReason === 'CRITERIA_NO_LONGER_MET')) differ(`changes: seq ${c.seq} ${c.op} with removalReason ${c.removalReason}`);
  }
  if (pulled.seq !== to) differ(`changes: X-List-Seq ${pulled.seq}, expected s2's ${to}`);
  if (changes.length !== to - from) differ(`changes: ${changes.length} changes since ${from}, expected ${to - from}`);
  if (count.ADD !== plan.adds || count.MODIFY !== plan.modifies || count.REMOVE !== plan.removes) {
    differ(`changes: ${count.ADD} ADD, ${count.MODIFY} MODIFY, ${count.REMOVE} REMOVE; made ${plan.adds}, ${plan.modifies}, ${plan.removes}`);
  }
}

/**
 * A consumer's replay, written as a consumer would (npm canonicalize, not the service's helpers): s1's lines by
 * entryId, each change applied in seq order, the lines in entryId order; must be s2's body and hash.
 */
function checkReplay(s1Body: Buffer, changesBody: Buffer, s2: Pulled, differ: (d: string) => void): void {
  const lines = new Map<string, string>();
  for (const line of s1Body.toString('utf8').split('\n')) {
    if (line.length > 0) lines.set((JSON.parse(line) as { entryId: string }).entryId, `${line}\n`);
  }
  for (const line of changesBody.toString('utf8').split('\n')) {
    if (line.length === 0) continue;
    const c = JSON.parse(line) as { op: Op; entry: { entryId: string } };
    if (c.op === 'REMOVE') {
      if (!lines.delete(c.entry.entryId)) differ(`replay: REMOVE of ${c.entry.entryId}, which is not in the snapshot`);
    } else {
      if (lines.has(c.entry.entryId) !== (c.op === 'MODIFY')) differ(`replay: ${c.op} of ${c.entry.entryId}, ${lines.has(c.entry.entryId) ? 'already' : 'not'} in the snapshot`);
      lines.set(c.entry.entryId, `${serialize(c.entry)}\n`);
    }
  }
  const replayed = [...lines.keys()].sort().map((k) => lines.get(k)!).join('');
  const expected = s2.body.toString('utf8');
  if (replayed !== expected) {
    const got = replayed.split('\n');
    const want = expected.split('\n');
    const at = got.findIndex((l, i) => l !== want[i]);
    const [a, b] = [got[at] ?? '', want[at] ?? ''];
    let c = 0;
    while (c < a.length && a[c] === b[c]) c++;
    const around = (l: string): string => JSON.stringify(l.slice(Math.max(0, c - 40), c + 60));
    differ(`replay: s1 + changes ≠ s2 (${got.length - 1} vs ${want.length - 1} lines), first at line ${at + 1}, character ${c + 1}: replay ${around(a)} vs s2 ${around(b)}`);
  }
  const hash = sha256(replayed);
  if (hash !== s2.sha256) differ(`replay: SHA-256 ${hash} is not s2's X-Content-SHA256 ${s2.sha256}`);
}
