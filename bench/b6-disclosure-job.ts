import { AuditModule } from '@app/audit';
import { AppConfig, ConfigModule } from '@app/config';
import {
  containsResidentIdPattern,
  DisclosureContent,
  DisclosureKind,
  DisclosureStatus,
  EventStatus,
  EventType,
  isMinorOn,
  parseDisclosurePeriod,
  makeCreditCode,
  makeResidentId,
  maskResidentId,
  SubjectType,
  validateResidentId,
} from '@app/credit';
import { DatabaseModule } from '@app/database';
import { Prng } from '@app/demo';
import { personName } from '@app/demo/generate/person-namer';
import { DisclosureBuilder, DisclosureService, DisclosuresModule } from '@app/disclosures';
import { disclosureSnapshot } from '@app/disclosures/disclosure-snapshot';
import { ResidentIdCipher } from '@app/registry';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { BENCH_DATA_DIR } from './bench-db';
import { BenchResult, progress, timed } from './report';

/** The service's own modules, nothing else: no HTTP, no queue (the job calls DisclosureService.generate). */
@Module({ imports: [ConfigModule, DatabaseModule, AuditModule, DisclosuresModule] })
class DisclosureJobBenchModule {}

export interface B6Spec {
  seed: number;
  /** Items the published disclosure must hold (100,000 at scale 1). */
  items: number;
}

const KIND = DisclosureKind.PENALTY_NOTICE;
/**
 * The months measured, one per round: each after every date the other benchmarks' generator writes (B2's data
 * ends on 2026-06-30), so a disclosure holds exactly this benchmark's decisions for its month, whether or not B2
 * ran first; and each round's service run builds and publishes a real first version of its own month (a second
 * run on one month would find no change and store nothing).
 */
const MONTHS = ['2026-07', '2026-08', '2026-09'];
const DAYS_IN_MONTH: Record<string, number> = { '2026-07': 31, '2026-08': 31, '2026-09': 30 };
const PERSON_SHARE = 0.2;
/** On top of `items`, in both outputs never: minors (persons under 18 on the decision date), warnings only, PROPOSED decisions. */
const MINOR_SHARE = 0.01;
const WARNING_SHARE = 0.02;
const PROPOSED_SHARE = 0.01;
const POLICE_REFERRAL_SHARE = 0.02;
const ROWS_PER_INSERT = 2_000;
const SHOW_DIFFERENCES = 5;
// Prng stream of this benchmark (the generator's are 1–6, load-data's 100 and up, B4's 200, B5's 500–501).
const STREAM = 600; // one per month: 600, 601, 602

const REGIONS = ['110105', '310104', '440106', '510107', '330106', '420102', '320102', '370102'];
const AUTHORITIES = ['北京市朝阳区医疗保障局', '上海市徐汇区医疗保障局', '广州市海珠区医疗保障局', '成都市青羊区医疗保障局', '杭州市上城区医疗保障局'];
const BASIS: Record<string, string> = {
  PENALTY_ART38: '《医疗保障基金使用监督管理条例》第三十八条',
  PENALTY_ART39: '《医疗保障基金使用监督管理条例》第三十九条',
  PENALTY_ART40: '《医疗保障基金使用监督管理条例》第四十条',
  INSURED_FRAUD: '《医疗保障基金使用监督管理条例》第四十一条',
};

// libs/credit's COMPOUND_SURNAMES (masking.ts), for the SQL version of maskPersonName.
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐',
  '端木', '司空', '西门', '南宫', '独孤', '轩辕', '呼延', '澹台', '公冶', '赫连', '申屠', '太史', '钟离',
  '百里', '东郭', '万俟', '第五', '拓跋', '完颜', '濮阳', '淳于', '仲孙', '漆雕', '左丘', '壤驷',
  '歐陽', '司馬', '諸葛', '東方', '公孫', '長孫', '鍾離', '軒轅', '獨孤', '澹臺', '東郭',
];

/**
 * The baseline: one SELECT of the same decisions with the public masking done in SQL (an institution in full
 * with its credit code; a person as surname + 某 via SUBSTRING, compound surnames kept, and the role; no ID of
 * any kind), the amount as yuan text and the publication end (3 years when severe) computed in SQL. The
 * rules are those penaltyExportRecord applies to the decisions this data holds (the five penalty types but
 * LICENCE_REVOKED, which no configured authority owns here). The minors rule needs the birth date, which only
 * the encrypted ID holds: the ciphertext is selected and decrypted in Node, as it must be by any path.
 */
const BASELINE_SQL = `
  SELECT CONCAT('PN-', e.id) AS k,
         CASE WHEN s.type IN ('MEDICAL_INSTITUTION', 'PHARMACY') THEN CONCAT(COALESCE(s.name, ''), '（', COALESCE(s.credit_code, ''), '）')
              ELSE CONCAT(
                CASE WHEN CHAR_LENGTH(s.name) >= 3 AND SUBSTRING(s.name, 1, 2) IN (${COMPOUND_SURNAMES.map((c) => `'${c}'`).join(', ')})
                     THEN CONCAT(SUBSTRING(s.name, 1, 2), '某') ELSE CONCAT(SUBSTRING(s.name, 1, 1), '某') END,
                '（参保人）')
         END AS party,
         TRIM(e.decision_no) AS decisionNo,
         CASE WHEN e.fine_fen > 0 THEN CONCAT(e.fine_fen DIV 100,
                CASE WHEN e.fine_fen % 100 = 0 THEN '' WHEN e.fine_fen % 10 = 0 THEN CONCAT('.', (e.fine_fen % 100) DIV 10)
                     ELSE CONCAT('.', LPAD(e.fine_fen % 100, 2, '0')) END)
         END AS fineYuan,
         e.decided_on AS decidedOn,
         DATE_ADD(e.decided_on, INTERVAL
           CASE WHEN e.type IN ('PENALTY_ART40', 'INSURED_FRAUD') OR EXISTS (
                  SELECT 1 FROM events p WHERE p.subject_id = e.subject_id AND p.type = 'POLICE_REFERRAL_CONFIRMED'
                     AND p.status IN ('FINAL', 'UNDER_APPEAL') AND TRIM(p.decision_no) = TRIM(e.decision_no))
                THEN 3 ELSE 1 END YEAR) AS publicationEnd,
         IF(s.type IN ('MEDICAL_INSTITUTION', 'PHARMACY'), NULL, s.resident_id_enc) AS enc
    FROM events e JOIN subjects s ON s.id = e.subject_id
   WHERE e.decided_on BETWEEN ? AND ?
     AND e.type IN ('PENALTY_ART38', 'PENALTY_ART39', 'PENALTY_ART40', 'INSURED_FRAUD')
     AND e.status IN ('FINAL', 'UNDER_APPEAL')
     AND s.type <> 'PRACTITIONER'
     AND e.decision_no IS NOT NULL AND TRIM(e.decision_no) <> ''
     AND (e.fine_fen > 0 OR e.suspension_days > 0 OR e.fine_multiple > 0 OR e.type = 'PENALTY_ART40')
   ORDER BY e.id`;

/** One public line, as the baseline writes it and as the check reads the service's items. */
interface Line {
  key: string;
  party: string;
  decisionNo: string;
  fineYuan: string | null;
  decidedOn: string;
  publicationEnd: string;
}

interface Loaded {
  /** Decisions that must be published (= items), and those that must not (minors, warnings, PROPOSED). */
  published: number;
  minors: number;
  warnings: number;
  proposed: number;
  persons: number;
  referrals: number;
  /** Every clear resident ID loaded (none may appear in any output), and the organisations' credit codes (public). */
  residentIds: Set<string>;
  creditCodes: Set<string>;
  loadMs: number;
}

/** One round: the baseline and the service on the same month, the service's output checked against the baseline's. */
interface Round {
  month: string;
  baselineMs: number;
  serviceMs: number;
  items: number;
  version: number;
  contentBytes: number;
  storedBytes: number;
  unmaskedService: number;
  unmaskedBaseline: number;
}

/**
 * B6 (quality.md): the disclosure job end to end for one PENALTY_NOTICE month of `items` published decisions:
 * DisclosureService.generate (select the decisions, decrypt persons' IDs for the minors rule, mask, build and
 * hash the snapshot, store it with its item rows and audit entry) and publish, the calls the worker's job makes,
 * in a Nest application context, against one raw SELECT with the masking in SQL whose rows are written to a file
 * as JSON lines (fsync'd, as the service's commit is durable). Three rounds, each on its own month (each service
 * run a real new version), the order alternating (baseline first, then service first, ...): the first-run JIT
 * warm-up then weighs as it would in a long-running worker, once among several runs. The ratio is the median of
 * the rounds' ratios; each round's times are printed. The check, every round: the same items (key, party as
 * published, decision number, fine, dates), none of the minors, and no resident ID (the loaded IDs, or the
 * pattern outside the organisations' credit codes) in the published content or the baseline's file.
 */
export async function runB6(pool: Pool, spec: B6Spec): Promise<BenchResult> {
  const app = await NestFactory.createApplicationContext(DisclosureJobBenchModule, { logger: ['error', 'warn'] });
  try {
    const config = app.get(AppConfig);
    const cipher = new ResidentIdCipher(config.pii.encryptionKey, config.pii.hmacKey);
    const state: LoadState = { usedIds: new Set(), decisions: 0 };
    const data: Loaded[] = [];
    for (const [i, month] of MONTHS.entries()) {
      progress(`B6: loading ${spec.items} penalty decisions for ${month} (+ minors, warnings, PROPOSED ones) with raw INSERTs`);
      data.push(await load(pool, spec, cipher, month, STREAM + i, state));
      progress(`B6: loaded in ${(data[i].loadMs / 1000).toFixed(1)} s (${data[i].persons} persons' IDs encrypted)`);
    }

    const dir = join(BENCH_DATA_DIR, 'b6');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'baseline.jsonl');
    const service = app.get(DisclosureService);
    const differences: string[] = [];
    let count = 0;
    const differ = (d: string): void => {
      count++;
      if (differences.length < SHOW_DIFFERENCES) differences.push(d);
    };

    const rounds: Round[] = [];
    for (const [i, month] of MONTHS.entries()) {
      const baselineRun = (): Promise<{ ms: number; value: number }> => timed(() => runBaseline(pool, cipher, file, month));
      const serviceRun = () =>
        timed(async () => {
          const generated = await service.generate(KIND, month, null, 'system:disclosures');
          return generated.disclosure.status === DisclosureStatus.PUBLISHED ? generated.disclosure : await service.publish(generated.disclosure.id, 'system:disclosures');
        });
      let baseline: { ms: number; value: number };
      let run: Awaited<ReturnType<typeof serviceRun>>;
      if (i % 2 === 0) {
        baseline = await baselineRun();
        run = await serviceRun();
      } else {
        run = await serviceRun();
        baseline = await baselineRun();
      }
      progress(`B6: ${month}: baseline ${(baseline.ms / 1000).toFixed(2)} s (${baseline.value} lines), service ${(run.ms / 1000).toFixed(2)} s (${i % 2 === 0 ? 'baseline first' : 'service first'})`);
      rounds.push({ month, baselineMs: baseline.ms, serviceMs: run.ms, ...(await check(pool, run.value.id, run.value.version, file, data[i], differ)) });
    }
    rmSync(dir, { recursive: true, force: true });
    const parts = await breakdown(app.get(DisclosureBuilder, { strict: false }), app.get<DataSource>(getDataSourceToken()), MONTHS[0]);

    const ratios = rounds.map((r) => r.serviceMs / r.baselineMs);
    const baselineMs = median(rounds.map((r) => r.baselineMs));
    const serviceMs = median(rounds.map((r) => r.serviceMs));
    const last = rounds[rounds.length - 1];
    const first = data[0];
    const mib = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MiB`;
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    const spread = (xs: number[], f: (x: number) => string): string => `median ${f(median(xs))}, min ${f(Math.min(...xs))}, max ${f(Math.max(...xs))}`;
    return {
      id: 'B6',
      title: 'disclosure job end to end (select, mask, snapshot, publish)',
      sizes: [
        `${KIND}, one month per round (${MONTHS.join(', ')}), each ${spec.items} published decisions (${MONTHS[0]}: ${first.persons} on insured persons, ` +
          `${first.published - first.persons} on institutions and pharmacies, ${first.referrals} severe by a police referral), plus ${first.minors} on minors, ` +
          `${first.warnings} warnings only and ${first.proposed} PROPOSED, never published`,
      ],
      baseline: { label: `one SELECT with the masking in SQL, persons' IDs decrypted for the minors rule, JSON lines written and fsync'd; median of ${rounds.length} rounds`, ms: baselineMs },
      service: {
        label: `DisclosureService.generate + publish (the job's calls), a new version each round: ${last.items} items, content ${mib(last.contentBytes)} of JSON, ${mib(last.storedBytes)} stored; median of ${rounds.length} rounds`,
        ms: serviceMs,
      },
      details: [
        ...rounds.map((r, i) => `round ${i + 1} (${r.month}, ${i % 2 === 0 ? 'baseline first' : 'service first'}): baseline ${s(r.baselineMs)}, service ${s(r.serviceMs)} (version ${r.version}), ratio ${ratios[i].toFixed(2)}×`),
        `ratio over the rounds: ${spread(ratios, (x) => `${x.toFixed(2)}×`)}; baseline ${spread(rounds.map((r) => r.baselineMs), s)}; service ${spread(rounds.map((r) => r.serviceMs), s)}`,
        `service: ${Math.round(last.items / (serviceMs / 1000)).toLocaleString('en')} items/s at the median`,
        `where the time goes (${MONTHS[0]}'s steps run again alone, after, JIT warm): build the items (select, decrypt, mask) ${s(parts.buildMs)}, ` +
          `the snapshot (sort, canonical JSON, UTF-8, SHA-256) ${s(parts.hashMs)}; the rest of generate + publish (store the content, item rows, audit, ` +
          `publish's transaction) about ${s(Math.max(0, serviceMs - parts.buildMs - parts.hashMs))} at the median`,
        `resident IDs found: ${rounds.reduce((n, r) => n + r.unmaskedService, 0)} in the published contents, ${rounds.reduce((n, r) => n + r.unmaskedBaseline, 0)} in the baseline's files (target 0)`,
        `setup: data loaded in ${data.map((d) => `${(d.loadMs / 1000).toFixed(1)} s`).join(' + ')}`,
      ],
      ratio: median(ratios),
      target: 2,
      targetText: '≤ 2× the baseline time (median of the rounds); zero unmasked IDs',
      differences,
      differenceCount: count,
      notes: [
        'equality, every round: the same item keys; per item the party as published (institution name and credit code, or 张某（参保人）), decision number, fine in yuan, decision date and publication end',
        'ID scan: every token of the output but the organisations\' credit codes (public, and often all digits) with libs/credit containsResidentIdPattern, and each loaded clear ID searched for',
        'the baseline covers the export rules this data exercises (no LICENCE_REVOKED: no authority is configured as ours)',
        'noise: on shared cores each round moves with other load; the rounds are printed so the spread shows',
      ],
    };
  } finally {
    await app.close();
  }
}

/**
 * Outside the timing: the published row as stored, read back, against the baseline's file of the same month.
 * The stored content is compressed (MariaDB's COMPRESS format), inflated back to the stored JSON text.
 */
async function check(
  pool: Pool,
  id: string,
  version: number,
  file: string,
  data: Loaded,
  differ: (d: string) => void,
): Promise<Omit<Round, 'month' | 'baselineMs' | 'serviceMs'>> {
  const [[row]] = (await pool.query(
    'SELECT status, item_count AS itemCount, content, LENGTH(content) AS storedBytes, content_hash AS contentHash, (SELECT COUNT(*) FROM disclosure_items WHERE disclosure_id = d.id) AS itemRows FROM disclosures d WHERE id = ?',
    [id],
  )) as unknown as [{ status: string; itemCount: number; content: Buffer | null; storedBytes: string | number; contentHash: string; itemRows: string | number }[]];
  // Inflated here rather than by SQL's UNCOMPRESS(), which answers NULL above max_allowed_packet (BENCH_SCALE=5's
  // 500k items are about 275 MB of JSON): the COMPRESS format is 4 bytes of length, then a zlib stream.
  const contentText = row.content === null ? '' : inflateSync(row.content.subarray(4)).toString('utf8');
  const content = JSON.parse(contentText) as DisclosureContent;
  const baselineText = readFileSync(file, 'utf8');
  if (row.status !== DisclosureStatus.PUBLISHED) differ(`the disclosure is ${row.status}, not PUBLISHED`);
  if (createHash('sha256').update(contentText, 'utf8').digest('hex') !== row.contentHash) differ('the stored content does not hash to its content_hash');
  if (Number(row.itemRows) !== content.items.length || row.itemCount !== content.items.length) differ(`${content.items.length} items in the content, item_count ${row.itemCount}, ${row.itemRows} item rows`);
  compareItems(content, readLines(file), data.published, differ);
  const unmaskedService = unmaskedIds(contentText, data);
  const unmaskedBaseline = unmaskedIds(baselineText, data);
  if (unmaskedService > 0) differ(`${unmaskedService} resident ID(s) in the published content`);
  if (unmaskedBaseline > 0) differ(`${unmaskedBaseline} resident ID(s) in the baseline's file`);
  return { items: content.items.length, version, contentBytes: Buffer.byteLength(contentText), storedBytes: Number(row.storedBytes), unmaskedService, unmaskedBaseline };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Not part of the measure: generate's first steps timed alone (a read-only transaction), to say where the time goes. */
async function breakdown(builder: DisclosureBuilder, dataSource: DataSource, month: string): Promise<{ buildMs: number; hashMs: number }> {
  const parsed = parseDisclosurePeriod(KIND, month);
  if (!parsed.ok) throw new Error(parsed.message);
  const built = await timed(() => dataSource.transaction((em) => builder.build(em, KIND, parsed.period, null)));
  const hashed = await timed(async () => disclosureSnapshot(KIND, parsed.period, null, built.value).contentHash);
  return { buildMs: built.ms, hashMs: hashed.ms };
}

async function runBaseline(pool: Pool, cipher: ResidentIdCipher, file: string, month: string): Promise<number> {
  const [rows] = (await pool.query({ sql: BASELINE_SQL, values: [`${month}-01`, `${month}-${DAYS_IN_MONTH[month]}`] })) as unknown as [(Line & { k: string; enc: Buffer | null })[]];
  const out: string[] = [];
  for (const r of rows) {
    if (r.enc !== null) {
      let birthDate: string | null = null;
      try {
        const checked = validateResidentId(cipher.decrypt(r.enc));
        birthDate = checked.ok ? checked.birthDate : null;
      } catch {
        birthDate = null;
      }
      if (birthDate === null || isMinorOn(birthDate, r.decidedOn)) continue;
    }
    out.push(JSON.stringify({ key: r.k, party: r.party, decisionNo: r.decisionNo, fineYuan: r.fineYuan, decidedOn: r.decidedOn, publicationEnd: r.publicationEnd }));
  }
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(out.length ? `${out.join('\n')}\n` : '', 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return out.length;
}

function readLines(file: string): Map<string, Line> {
  const out = new Map<string, Line>();
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (l === '') continue;
    const line = JSON.parse(l) as Line;
    out.set(line.key, line);
  }
  return out;
}

function compareItems(content: DisclosureContent, baseline: Map<string, Line>, expected: number, differ: (d: string) => void): void {
  if (content.items.length !== expected) differ(`the service published ${content.items.length} items, the data holds ${expected} publishable decisions`);
  if (baseline.size !== expected) differ(`the baseline wrote ${baseline.size} lines, the data holds ${expected} publishable decisions`);
  const seen = new Set<string>();
  for (const item of content.items) {
    seen.add(item.key);
    const f = item.fields as Record<string, string>;
    const fine = /^罚款([0-9.]+)元/.exec(f.处罚内容 ?? '');
    const got: Line = { key: item.key, party: f.行政相对人, decisionNo: f.决定书文号, fineYuan: fine ? fine[1] : null, decidedOn: f.决定日期, publicationEnd: f.公示截止日期 };
    const want = baseline.get(item.key);
    if (!want) {
      differ(`${item.key}: published by the service, not in the baseline`);
      continue;
    }
    for (const k of ['party', 'decisionNo', 'fineYuan', 'decidedOn', 'publicationEnd'] as const) {
      if (got[k] !== want[k]) differ(`${item.key}: ${k} ${JSON.stringify(got[k])} (service) vs ${JSON.stringify(want[k])} (baseline)`);
    }
  }
  for (const key of baseline.keys()) if (!seen.has(key)) differ(`${key}: in the baseline, not published by the service`);
}

/** Resident IDs in a text: tokens shaped like one (organisations' credit codes aside), and each loaded clear ID. */
function unmaskedIds(text: string, data: Loaded): number {
  let n = 0;
  for (const token of text.split(/[^0-9A-Za-z]+/)) {
    if (token.length < 18 || data.creditCodes.has(token)) continue;
    if (containsResidentIdPattern(token) || data.residentIds.has(token.toUpperCase())) n++;
  }
  return n;
}

interface SubjectRow {
  id: number;
  type: SubjectType;
  name: string;
  creditCode: string | null;
  hmac: string | null;
  enc: Buffer | null;
  masked: string | null;
  regionCode: string;
}

const EVENT_COLUMNS = [
  'id', 'version', 'source_system', 'source_ref', 'input_hash', 'first_recorded_at', 'subject_id', 'type', 'status',
  'legal_basis', 'decision_no', 'authority', 'region_code', 'occurred_on', 'decided_on', 'amount_involved_fen',
  'fine_fen', 'suspension_days', 'recorded_by', 'recorded_at',
];

/**
 * Setup, not measured: institutions and pharmacies (about 1.3 decisions each) and insured persons (one each,
 * with resident IDs encrypted, HMAC'd and masked as the registry stores them; names from the demo generator, a
 * few with compound surnames), and their decisions in the period, with raw multi-row INSERTs, ids after any
 * existing rows. Some institutions' cases have a confirmed police referral with the same decision number
 * (decided in June, before every month measured: severe, 3 years). Also minors' fraud decisions, warnings only and PROPOSED
 * decisions, which must never be published.
 */
/** What the months' loads share: resident IDs already given (one person, one ID) and decision numbers used. */
interface LoadState {
  usedIds: Set<string>;
  decisions: number;
}

async function load(pool: Pool, spec: B6Spec, cipher: ResidentIdCipher, month: string, stream: number, state: LoadState): Promise<Loaded> {
  const started = Date.now();
  const [[last]] = (await pool.query('SELECT (SELECT COALESCE(MAX(id), 0) FROM subjects) AS s, (SELECT COALESCE(MAX(id), 0) FROM events) AS e')) as unknown as [{ s: string; e: string }[]];
  const [codeRows] = (await pool.query('SELECT credit_code AS code FROM subjects WHERE credit_code IS NOT NULL')) as unknown as [{ code: string }[]];
  const taken = new Set(codeRows.map((r) => r.code));
  // Persons other benchmarks stored (B2's, B5's) are taken too: the same generated ID would be the same person.
  const [hmacRows] = (await pool.query('SELECT resident_id_hmac AS h FROM subjects WHERE resident_id_hmac IS NOT NULL')) as unknown as [{ h: string }[]];
  const takenHmacs = new Set(hmacRows.map((r) => r.h));
  const rng = new Prng(spec.seed, stream);
  let nextSubject = Number(last.s) + 1;
  let nextEvent = Number(last.e) + 1;
  const createdAt = new Date(`${month}-01T04:00:00.000Z`);
  const subjects: SubjectRow[] = [];
  const events: unknown[][] = [];
  const residentIds = new Set<string>();
  const creditCodes = new Set<string>();

  const personCount = Math.round(spec.items * PERSON_SHARE);
  const orgDecisions = spec.items - personCount;
  const orgs: SubjectRow[] = [];
  let codeCounter = 0;
  for (let i = 0; i < Math.max(1, Math.round(orgDecisions / 1.3)); i++) {
    const type = rng.chance(0.7) ? SubjectType.MEDICAL_INSTITUTION : SubjectType.PHARMACY;
    const regionCode = rng.pick(REGIONS);
    let code: string;
    do code = makeCreditCode(`52${regionCode}${String(++codeCounter).padStart(9, '0')}`);
    while (taken.has(code));
    creditCodes.add(code);
    const s: SubjectRow = { id: nextSubject++, type, name: `${type === SubjectType.PHARMACY ? '惠民大药房' : '仁和医院'}第${i + 1}分院`, creditCode: code, hmac: null, enc: null, masked: null, regionCode };
    orgs.push(s);
    subjects.push(s);
  }
  const usedIds = state.usedIds;
  const person = (minor: boolean): SubjectRow => {
    const regionCode = rng.pick(REGIONS);
    const male = rng.chance(0.5);
    let id: string;
    do {
      const year = minor ? rng.int(2009, 2011) : rng.int(1945, 2004);
      const birth = `${year}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
      const seq = rng.int(0, 99) * 10 + (male ? 2 * rng.int(0, 4) + 1 : 2 * rng.int(0, 4));
      id = makeResidentId(`${regionCode}${birth}${String(seq).padStart(3, '0')}`);
    } while (usedIds.has(id) || takenHmacs.has(cipher.lookupHash(id)));
    usedIds.add(id);
    residentIds.add(id);
    const s: SubjectRow = { id: nextSubject++, type: SubjectType.INSURED_PERSON, name: personName(rng, male), creditCode: null, hmac: cipher.lookupHash(id), enc: cipher.encrypt(id), masked: maskResidentId(id), regionCode };
    subjects.push(s);
    return s;
  };
  const day = (): string => `${month}-${String(rng.int(1, DAYS_IN_MONTH[month])).padStart(2, '0')}`;
  const event = (s: SubjectRow, type: EventType, status: EventStatus, opts: { fine: boolean; decidedOn?: string; decisionNo?: string }): string => {
    const id = nextEvent++;
    const decidedOn = opts.decidedOn ?? day();
    const decisionNo = opts.decisionNo ?? `${rng.pick(['京', '沪', '穗', '蓉', '杭'])}医保罚〔2026〕${++state.decisions}号`;
    const organisation = s.type !== SubjectType.INSURED_PERSON;
    let fine: number | null = null;
    if (opts.fine) fine = (organisation ? rng.int(1_000, 500_000) : rng.int(200, 50_000)) * 100 + (rng.chance(0.1) ? rng.int(1, 99) : 0);
    const suspension = opts.fine && organisation && type === EventType.PENALTY_ART38 && rng.chance(0.1) ? rng.int(30, 180) : null;
    events.push([
      id, 1, 'bench-b6', `b6/${id}`, id.toString(16).padStart(64, '0'), createdAt, s.id, type, status,
      BASIS[type] ?? null, decisionNo, rng.pick(AUTHORITIES), s.regionCode, decidedOn, decidedOn,
      fine === null ? null : fine * 2, fine, suspension, 'bench', createdAt,
    ]);
    return decisionNo;
  };

  let referrals = 0;
  let persons = 0;
  const plan: ('ORG' | 'PERSON')[] = [...Array<'ORG'>(orgDecisions).fill('ORG'), ...Array<'PERSON'>(personCount).fill('PERSON')];
  for (let i = plan.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }
  for (const kind of plan) {
    if (kind === 'PERSON') {
      persons++;
      event(person(false), EventType.INSURED_FRAUD, rng.chance(0.9) ? EventStatus.FINAL : EventStatus.UNDER_APPEAL, { fine: true });
      continue;
    }
    const org = orgs[rng.int(0, orgs.length - 1)];
    const roll = rng.next();
    const type = roll < 0.6 ? EventType.PENALTY_ART38 : roll < 0.8 ? EventType.PENALTY_ART39 : EventType.PENALTY_ART40;
    const decisionNo = event(org, type, rng.chance(0.9) ? EventStatus.FINAL : EventStatus.UNDER_APPEAL, { fine: true });
    if (rng.chance(POLICE_REFERRAL_SHARE)) {
      referrals++;
      event(org, EventType.POLICE_REFERRAL_CONFIRMED, EventStatus.FINAL, { fine: false, decidedOn: '2026-06-15', decisionNo });
    }
  }
  const minors = Math.round(spec.items * MINOR_SHARE);
  for (let i = 0; i < minors; i++) event(person(true), EventType.INSURED_FRAUD, EventStatus.FINAL, { fine: true });
  const warnings = Math.round(spec.items * WARNING_SHARE);
  for (let i = 0; i < warnings; i++) event(orgs[rng.int(0, orgs.length - 1)], rng.chance(0.5) ? EventType.PENALTY_ART38 : EventType.PENALTY_ART39, EventStatus.FINAL, { fine: false });
  const proposed = Math.round(spec.items * PROPOSED_SHARE);
  for (let i = 0; i < proposed; i++) event(orgs[rng.int(0, orgs.length - 1)], EventType.PENALTY_ART40, EventStatus.PROPOSED, { fine: true });

  const conn = await pool.getConnection();
  try {
    await conn.query('SET SESSION unique_checks = 0');
    await conn.beginTransaction();
    for (let i = 0; i < subjects.length; i += ROWS_PER_INSERT) {
      const rows = subjects.slice(i, i + ROWS_PER_INSERT).map((s) => [
        s.id, s.type, s.name, s.creditCode, s.hmac, s.enc, s.masked, s.regionCode, s.creditCode ? '2015-01-01' : null, createdAt,
      ]);
      await conn.query('INSERT INTO subjects (id, type, name, credit_code, resident_id_hmac, resident_id_enc, resident_id_masked, region_code, agreement_signed_on, created_at) VALUES ?', [rows]);
    }
    for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
      await conn.query(`INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ?`, [events.slice(i, i + ROWS_PER_INSERT)]);
    }
    await conn.commit();
    await conn.query('SET SESSION unique_checks = 1');
  } finally {
    conn.release();
  }
  await pool.query('ANALYZE TABLE subjects, events');
  return { published: spec.items, minors, warnings, proposed, persons, referrals, residentIds, creditCodes, loadMs: Date.now() - started };
}
