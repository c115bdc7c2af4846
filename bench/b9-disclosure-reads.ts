import { canonicalJson } from '@app/common';
import {
  addDays,
  DisclosureItem,
  DisclosureKind,
  disclosureContent,
  disclosurePublicationEnd,
  DisclosureStatus,
  EventStatus,
  EventType,
  formatIsoDate,
  makeCreditCode,
  parseIsoDate,
  parsePeriod,
  penaltyNoticeItem,
  shanghaiDate,
  SubjectType,
} from '@app/credit';
import { Prng } from '@app/demo';
import { personName } from '@app/demo/generate/person-namer';
import { DisclosureReader, disclosureKey, PublicViewCache } from '@app/disclosures';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'mysql2/promise';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { Agent, get as httpGet } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadavg } from 'node:os';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApiHttp } from '../apps/api/src/security/configure-api-http';
import { HttpLoad } from './http-load';
import { BenchResult, progress } from './report';

export interface B9Spec {
  seed: number;
  /** Published disclosures in the hot set, each read once per pass (1,000 at scale 1: the cache's default size). */
  disclosures: number;
}

const KIND = DisclosureKind.PENALTY_NOTICE;
const MONTHS = 10;
/** Concurrent requests in flight on loopback. */
const CONCURRENCY = 8;
/** Timed passes per path, taking turns (order swapped every round), after one warm-up pass each. */
const ROUNDS = 3;
/** Items per disclosure: 5 + 195·u³ (mean about 54; a city's month of penalty notices, a few large ones). */
const MIN_ITEMS = 5;
const MAX_EXTRA_ITEMS = 195;
const WITHDRAWN_SHARE = 0.01;
/** The other reading of "1k hot items", shown as a detail: one disclosure of 1,000 items (a province's month) read over and over. */
const LARGE_ITEMS = 1_000;
const LARGE_REGION = '440000';
const SHOW_DIFFERENCES = 5;
const STREAM = 900;
const AUTHORITIES = ['市医疗保障局', '区医疗保障局', '县医疗保障局'];

interface Setup {
  ids: string[];
  /** The province-month disclosure of LARGE_ITEMS items (not in the hot set). */
  largeId: string;
  items: number;
  bytes: number;
  loadMs: number;
}

interface Pass {
  ms: number;
  requests: number;
  /** CPU time of this process during the pass (both APIs and the load generator's thread; not MariaDB's or Redis's). */
  cpuMs: number;
  retries: number;
}

/**
 * B9 (quality.md): public disclosure reads, `GET /public/disclosures/{id}` over HTTP (the real route, the API in
 * process on an ephemeral port, no key), with the reader's in-process cache (DISCLOSURE_CACHE_ENTRIES ≥ the hot
 * set) against the same API started with DISCLOSURE_CACHE_ENTRIES=0, whose reader does the full work on every
 * request (stamp, row with its content, withdrawn items, public view, JSON, SHA-256 ETag). "1k hot items": 1,000
 * published disclosures (the cache's default capacity), each a city's monthly penalty notice of 5–200 items, all
 * read again and again. Setup, not measured: the disclosures written as the service stores them (content built
 * with libs/credit's penaltyNoticeItem and disclosureContent, hashed, a few items withdrawn). Measured: passes
 * over the hot set (every id once, seeded order, CONCURRENCY requests in flight, full bodies received), the two
 * APIs taking turns; requests/s = requests / wall time. The check: for every id the cached body and ETag equal
 * the uncached ones (bodies hashed in an untimed pass; the ETag of every timed answer compared).
 */
export async function runB9(pool: Pool, spec: B9Spec): Promise<BenchResult> {
  progress(`B9: writing ${spec.disclosures} published disclosures`);
  const setup = await load(pool, spec);
  progress(`B9: ${setup.ids.length} disclosures, ${setup.items} items, ${(setup.bytes / 2 ** 20).toFixed(1)} MiB of public JSON, in ${(setup.loadMs / 1000).toFixed(1)} s`);

  const cachedApp = await startApi(Math.max(1_000, spec.disclosures));
  const uncachedApp = await startApi(0);
  const loader = new HttpLoad();
  try {
    const base = { cached: await urlOf(cachedApp), uncached: await urlOf(uncachedApp) };
    const differences: string[] = [];
    let count = 0;
    const differ = (d: string): void => {
      count++;
      if (differences.length < SHOW_DIFFERENCES) differences.push(d);
    };

    // Untimed: the uncached bodies are the reference; the first cached read fills the cache, the second is a hit.
    const reference = new Map<string, { etag: string; sha: string }>();
    for (const id of setup.ids) {
      const u = await get(base.uncached, id);
      const sha = sha256(u.body);
      if (`"${Buffer.from(sha, 'hex').toString('base64url')}"` !== u.etag) differ(`${id}: the uncached ETag is not the body's SHA-256`);
      reference.set(id, { etag: u.etag, sha });
      for (const pass of ['first', 'second']) {
        const c = await get(base.cached, id);
        if (c.etag !== u.etag || sha256(c.body) !== sha) differ(`${id}: the cached body (${pass} read) differs from the uncached one`);
      }
    }
    // What a browser gets from the cached path: gunzipped, the same bytes; its ETag the SHA-256 of the gzip bytes.
    const gzipTags = new Map<string, string>();
    const gzipped = async (id: string): Promise<void> => {
      const z = await get(base.cached, id, true);
      if (z.encoding !== 'gzip' || z.etag !== `"${Buffer.from(sha256(z.body), 'hex').toString('base64url')}"` || sha256(gunzipSync(z.body)) !== reference.get(id)!.sha) {
        differ(`${id}: the cached gzip body differs from the uncached one`);
      }
      gzipTags.set(id, z.etag);
    };

    // The cached API serves hits only while subscribed to the change announcements: wait for it, never time a fallback.
    const views = cachedApp.get(PublicViewCache);
    for (const deadline = Date.now() + 10_000; !views.live; ) {
      if (Date.now() > deadline) throw new Error('B9: the cached API never subscribed to the disclosure changes on Redis');
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const id of setup.ids) await get(base.cached, id); // fills it (entries made before the subscription were dropped)
    if (setup.ids.some((id) => !cachedApp.get(DisclosureReader).ready(id))) throw new Error('B9: the cached API does not hold every hot disclosure');
    for (const id of setup.ids) await gzipped(id); // what a browser gets: gunzipped, the same bytes

    const rng = new Prng(spec.seed, STREAM + 1);
    const passes = { cached: [] as Pass[], uncached: [] as Pass[] };
    progress(`B9: ${ROUNDS} timed passes of ${setup.ids.length} requests per path, taking turns (${CONCURRENCY} in flight)`);
    // The ETag each path must answer a browser with: the uncached path sends identity (the app compresses nothing,
    // the cheapest for it), the cached path its body compressed once (another representation, another ETag).
    const expected = { cached: (id: string) => gzipTags.get(id)!, uncached: (id: string) => reference.get(id)!.etag };
    // One warm-up pass each, not counted.
    await pass(loader, base.cached, shuffled(rng, setup.ids), expected.cached, differ);
    await pass(loader, base.uncached, shuffled(rng, setup.ids), expected.uncached, differ);
    for (let round = 0; round < ROUNDS; round++) {
      const order = shuffled(rng, setup.ids);
      const paths = round % 2 === 0 ? (['cached', 'uncached'] as const) : (['uncached', 'cached'] as const);
      for (const p of paths) passes[p].push(await pass(loader, base[p], order, expected[p], differ));
    }
    // A detail: the same with no Accept-Encoding (identity from both paths), one pass each.
    const plainOrder = shuffled(rng, setup.ids);
    const plain = {
      cached: await pass(loader, base.cached, plainOrder, expected.uncached, differ, true, false),
      uncached: await pass(loader, base.uncached, plainOrder, expected.uncached, differ, true, false),
    };
    // The stack's floor: the same number of requests to a route that does nothing (GET /health/live).
    const live = `${base.cached.replace(/public\/disclosures\/$/, '')}health/live?`;
    const floor = await pass(loader, live, setup.ids.map(() => ''), () => '', () => undefined, false);
    // The other reading, as a detail: one disclosure of LARGE_ITEMS items, read as many times as the hot set has ids.
    const largeRef = await get(base.uncached, setup.largeId);
    const largeCached = await get(base.cached, setup.largeId);
    if (largeCached.etag !== largeRef.etag || !largeCached.body.equals(largeRef.body)) differ(`${setup.largeId}: the cached body of the large disclosure differs`);
    reference.set(setup.largeId, { etag: largeRef.etag, sha: sha256(largeRef.body) });
    await gzipped(setup.largeId);
    const largeIds = setup.ids.map(() => setup.largeId);
    await pass(loader, base.cached, largeIds.slice(0, 50), expected.cached, differ);
    await pass(loader, base.uncached, largeIds.slice(0, 50), expected.uncached, differ);
    const large = { uncached: await pass(loader, base.uncached, largeIds, expected.uncached, differ), cached: await pass(loader, base.cached, largeIds, expected.cached, differ) };
    const total = (ps: Pass[]): Pass => ({ ms: ps.reduce((a, p) => a + p.ms, 0), requests: ps.reduce((a, p) => a + p.requests, 0), cpuMs: ps.reduce((a, p) => a + p.cpuMs, 0), retries: ps.reduce((a, p) => a + p.retries, 0) });
    const cpuPerRequest = (p: Pass): number => (p.cpuMs * 1000) / p.requests;
    const cached = total(passes.cached);
    const uncached = total(passes.uncached);
    const rps = (p: Pass): number => p.requests / (p.ms / 1000);
    const perRequest = (p: Pass): number => p.ms / p.requests;
    const passRps = (ps: Pass[]): string => ps.map((p) => Math.round(rps(p)).toLocaleString('en')).join(', ');
    return {
      id: 'B9',
      title: 'public disclosure read, cached vs uncached (GET /public/disclosures/{id} over HTTP)',
      sizes: [
        `${setup.ids.length} published ${KIND} disclosures (hot set), ${setup.items} items in all (${(setup.bytes / 2 ** 20).toFixed(1)} MiB of public JSON, ` +
          `${Math.round(setup.bytes / setup.ids.length / 1024)} KiB per body on average)`,
        `${ROUNDS} passes per path over the whole hot set (every id once, seeded order), ${CONCURRENCY} requests in flight, taking turns (+1 warm-up pass each)`,
        'requests as a browser sends them (Accept-Encoding: gzip): the uncached path answers identity (the app compresses nothing: the cheapest for it), the cached path the body gzip-compressed once when it was cached',
      ],
      baseline: { label: `uncached (DISCLOSURE_CACHE_ENTRIES=0): ${Math.round(rps(uncached)).toLocaleString('en')} requests/s, wall time per request`, ms: perRequest(uncached) },
      service: { label: `cached (replica view cache, ${Math.max(1_000, spec.disclosures)} entries): ${Math.round(rps(cached)).toLocaleString('en')} requests/s, wall time per request`, ms: perRequest(cached) },
      details: [
        `cached ${(rps(cached) / rps(uncached)).toFixed(1)}× the uncached requests/s`,
        `requests/s per pass: cached ${passRps(passes.cached)}; uncached ${passRps(passes.uncached)}`,
        `CPU time per request of this process (the API and the load generator; MariaDB's not counted, which flatters the uncached path): cached ` +
          `${Math.round(cpuPerRequest(cached))} µs, uncached ${Math.round(cpuPerRequest(uncached))} µs (${(cpuPerRequest(uncached) / cpuPerRequest(cached)).toFixed(1)}×); ` +
          `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end (2 cores: above 2, the wall-time ratio measures the scheduler as much as the code)`,
        `without Accept-Encoding (identity bodies from both paths), one pass each: cached ${Math.round(rps(plain.cached)).toLocaleString('en')} requests/s, ` +
          `uncached ${Math.round(rps(plain.uncached)).toLocaleString('en')} requests/s (${(rps(plain.cached) / rps(plain.uncached)).toFixed(1)}×)`,
        `one disclosure of ${LARGE_ITEMS} items (${Math.round(largeRef.body.length / 1024)} KiB), read ${largeIds.length} times per path: cached ` +
          `${Math.round(rps(large.cached)).toLocaleString('en')} requests/s, uncached ${Math.round(rps(large.uncached)).toLocaleString('en')} requests/s ` +
          `(${(rps(large.cached) / rps(large.uncached)).toFixed(1)}×)`,
        `HTTP floor on this machine: GET /health/live (no database, a 30-byte body) at ${Math.round(rps(floor)).toLocaleString('en')} requests/s, ` +
          `${(rps(floor) / rps(uncached)).toFixed(1)}× the uncached requests/s`,
        `timed requests sent again on a new socket (the server had closed the idle kept-alive one as it was reused): cached ${cached.retries}, uncached ${uncached.retries}`,
        `setup: disclosures written in ${(setup.loadMs / 1000).toFixed(1)} s`,
      ],
      ratio: perRequest(cached) / perRequest(uncached),
      target: 0.1,
      targetText: 'cached ≥ 10× the uncached requests/s, i.e. ≤ 0.10× its time per request; equal bodies',
      differences,
      differenceCount: count,
      notes: [
        'cached: the replica\'s view cache, trusted while subscribed to the change announcements on Redis (publish, supersede and withdrawals announce after commit), one Shanghai day and at most the public max-age per entry; a hit reads no database and is answered with ready bytes by the public disclosure edge, on the HTTP server\'s request event before Express (same headers, request id, access log and rate limit as the controller\'s answer)',
        'uncached: the same route with DISCLOSURE_CACHE_ENTRIES=0, every request reading the row\'s stamp and content and the withdrawn items, building, serialising and hashing the view',
        'equality: every body of both paths hashed in an untimed pass (cached: first and second read) and equal to the uncached body; every timed answer 200 with the reference ETag',
        'client: node:http with keep-alive in a worker thread (its own event loop, as a separate load generator; it shares the machine\'s cores with the server and the database)',
      ],
    };
  } finally {
    AGENT.destroy();
    await loader.close();
    await cachedApp.close();
    await uncachedApp.close();
  }
}

/** The API with its reader's cache of `entries` views (the factory reads process.env when the app is created). */
async function startApi(entries: number): Promise<INestApplication> {
  process.env.DISCLOSURE_CACHE_ENTRIES = String(entries);
  try {
    const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error', 'warn'] });
    configureApiHttp(app); // the service's HTTP stack, as main.ts builds it (helmet, limits, the public disclosure edge)
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    delete process.env.DISCLOSURE_CACHE_ENTRIES;
  }
}

async function urlOf(app: INestApplication): Promise<string> {
  return `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/public/disclosures/`;
}

/**
 * The client: node:http with a keep-alive agent (CONCURRENCY sockets), a lighter client than fetch: it shares the
 * process and its event loop with the server, so its cost per request weighs on both paths.
 */
const AGENT = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(url: string, gzip = false): Promise<{ status: number; etag: string; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: AGENT, headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, etag: String(res.headers.etag ?? ''), encoding: String(res.headers['content-encoding'] ?? ''), body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function get(base: string, id: string, gzip = false): Promise<{ etag: string; encoding: string; body: Buffer }> {
  const res = await request(base + id, gzip);
  if (res.status !== 200) throw new Error(`B9: GET ${base}${id} answered ${res.status}: ${res.body.toString('utf8', 0, 300)}`);
  return { etag: res.etag, encoding: res.encoding, body: res.body };
}

/**
 * Every id once, CONCURRENCY in flight, from the load generator's thread, as a browser asks (Accept-Encoding: gzip)
 * unless `gzip` is false; each answer checked against the ETag expected of that path.
 */
async function pass(load: HttpLoad, base: string, ids: readonly string[], etagOf: (id: string) => string, differ: (d: string) => void, check = true, gzip = true): Promise<Pass> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const result = await load.pass(ids.map((id) => base + id), CONCURRENCY, check ? ids.map(etagOf) : undefined, gzip ? { 'accept-encoding': 'gzip' } : {});
  if (!check && result.badCount > 0) throw new Error(`B9: ${result.bad[0]}`);
  for (const d of result.bad) differ(d);
  for (let k = result.bad.length; k < result.badCount; k++) differ('(one more answer differs)');
  const used = process.cpuUsage(cpu);
  return { ms: result.ms, requests: result.requests, cpuMs: (used.user + used.system) / 1000, retries: result.retries };
}

/**
 * A full collection before each pass: both APIs share this process's heap, and the uncached path leaves tens of MB
 * of garbage (rows, views, JSON) that V8 would otherwise collect on the clock of whichever pass comes next.
 */
const collectGarbage = ((): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function shuffled<T>(rng: Prng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Setup: `disclosures` published PENALTY_NOTICE versions, one per (city, month) over the ten whole months before
 * this month (so every one is public today), written as the service stores them: content from libs/credit's
 * rules (institutions in full, persons masked), its SHA-256, item rows, a few items withdrawn.
 */
async function load(pool: Pool, spec: B9Spec): Promise<Setup> {
  const started = Date.now();
  const rng = new Prng(spec.seed, STREAM);
  const today = shanghaiDate(new Date());
  const { year, month } = parseIsoDate(today);
  const periods = Array.from({ length: MONTHS }, (_, k) => {
    const m = (year * 12 + (month - 1) - (k + 1));
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
  const cities = Math.ceil(spec.disclosures / MONTHS);
  const regions = Array.from({ length: cities }, (_, k) => `${String(11 + Math.floor(k / 90)).padStart(2, '0')}${String((k % 90) + 1).padStart(2, '0')}00`);
  const now = new Date();
  const settings = { authorityCodes: {}, dataSource: { name: '', code: '' } };
  let eventId = 10_000_000_000;
  let totalItems = 0;
  let bytes = 0;
  const [[{ maxId }]] = (await pool.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM disclosures')) as unknown as [{ maxId: string }[]];
  let nextId = Number(maxId) + 1;
  const ids: string[] = [];
  let largeId = '';
  let rows: unknown[][] = [];
  let itemRows: unknown[][] = [];
  const flush = async (): Promise<void> => {
    if (rows.length === 0) return;
    await pool.query(
      `INSERT INTO disclosures (id, kind, period, region_code, version, status, content, content_hash, audit_head, item_count, publication_end, created_at, created_by,
         published_at, published_key, state_rev) VALUES ?`,
      [rows],
    );
    for (let i = 0; i < itemRows.length; i += 2_000) {
      await pool.query('INSERT INTO disclosure_items (disclosure_id, item_key, event_id, publication_end, withdrawn_on, withdrawal_reason) VALUES ?', [itemRows.slice(i, i + 2_000)]);
    }
    rows = [];
    itemRows = [];
  };
  // The hot set, then (beside it, not in it) one province's month of LARGE_ITEMS items.
  for (let d = 0; d <= spec.disclosures; d++) {
    const large = d === spec.disclosures;
    const regionCode = large ? LARGE_REGION : regions[Math.floor(d / MONTHS)];
    const period = parsePeriod(periods[large ? 0 : d % MONTHS])!;
    const n = large ? LARGE_ITEMS : MIN_ITEMS + Math.floor(MAX_EXTRA_ITEMS * rng.next() ** 3);
    const items: DisclosureItem[] = [];
    const days = parseIsoDate(period.to).day;
    for (let i = 0; i < n; i++) {
      const person = rng.chance(0.2);
      const id = String(eventId++);
      const decidedOn = formatIsoDate(parseIsoDate(period.from).year, parseIsoDate(period.from).month, rng.int(1, days));
      const type = person ? EventType.INSURED_FRAUD : rng.pick([EventType.PENALTY_ART38, EventType.PENALTY_ART39, EventType.PENALTY_ART40]);
      const fine = String((person ? rng.int(200, 50_000) : rng.int(1_000, 500_000)) * 100);
      const item = penaltyNoticeItem(
        {
          id, subjectId: id, regionCode, inspectionKind: null, type, status: EventStatus.FINAL, decisionNo: `${regionCode}医保罚〔${period.label.slice(0, 4)}〕${id}号`,
          legalBasis: '《医疗保障基金使用监督管理条例》', authority: `${regionCode}${rng.pick(AUTHORITIES)}`, decidedOn, fineFen: fine, fineMultiple: null,
          amountInvolvedFen: String(Number(fine) * 2), suspensionDays: null,
        },
        {
          id, type: person ? SubjectType.INSURED_PERSON : SubjectType.MEDICAL_INSTITUTION, name: person ? personName(rng, rng.chance(0.5)) : `仁和医院第${id}分院`,
          creditCode: person ? null : makeCreditCode(`52${regionCode}${id.slice(-9)}`), regionCode, profession: null, maskedResidentId: null,
          birthDate: person ? addDays('1970-01-01', rng.int(0, 12_000)) : null,
        },
        settings,
        { policeReferralDecisionNos: new Set() },
      );
      if (item) items.push(item);
    }
    if (!large) totalItems += items.length;
    const content = disclosureContent(KIND, period, regionCode, items);
    const json = JSON.stringify(content);
    if (!large) bytes += Buffer.byteLength(json);
    const id = String(nextId++);
    if (large) largeId = id;
    else ids.push(id);
    rows.push([
      id, KIND, period.label, regionCode, 1, DisclosureStatus.PUBLISHED, json, createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'), '0:bench',
      items.length, disclosurePublicationEnd(content), now, 'bench', now, disclosureKey(KIND, period.label, regionCode), 1,
    ]);
    for (const item of content.items) {
      const withdrawn = rng.chance(WITHDRAWN_SHARE);
      itemRows.push([id, item.key, item.eventId, item.publicationEnd, withdrawn ? today : null, withdrawn ? '经行政复议撤销' : null]);
    }
    if (rows.length === 100) await flush();
  }
  await flush();
  await pool.query('ANALYZE TABLE disclosures, disclosure_items');
  return { ids, largeId, items: totalItems, bytes, loadMs: Date.now() - started };
}
