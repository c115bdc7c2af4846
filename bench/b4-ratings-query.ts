import { ApiKeysService, Role } from '@app/auth';
import { configureHttp } from '@app/common/http';
import { Prng } from '@app/demo';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'mysql2/promise';
import { performance } from 'node:perf_hooks';
import { ApiModule } from '../apps/api/src/api.module';
import { BenchResult, percentile, progress } from './report';

export interface B4Spec {
  seed: number;
  /** Credit codes per request (10,000 at scale 1, the API's maximum). */
  keys: number;
  requests: number;
  /**
   * Valid time: `ratings(asOf:)` computes each rating from the subject's events with the rule set of that day
   * (issue "Ratings you can rely on" §3). With B2's asOf the answers must equal the ratings B2 stored.
   */
  asOf?: string;
}

const FIELDS = [
  'subjectId', 'creditCode', 'score', 'grade', 'hasRecord', 'inspectionFactor', 'keySupervision', 'depositRetention',
  'terminationRecommended', 'ruleSetVersion', 'computedAt',
] as const;
type Field = (typeof FIELDS)[number];
type Answer = Record<Field, unknown>;

/** computedAt is when an answer was computed: the stored rating's time, or the moment an asOf answer is made. */
const fieldsOf = (asOf?: string): readonly Field[] => (asOf ? FIELDS.filter((f) => f !== 'computedAt') : FIELDS);
const queryOf = (asOf?: string): string =>
  asOf
    ? `query Ratings($codes: [String!]!, $asOf: Date) { ratings(creditCodes: $codes, asOf: $asOf) { ${fieldsOf(asOf).join(' ')} } }`
    : `query Ratings($codes: [String!]!) { ratings(creditCodes: $codes) { ${FIELDS.join(' ')} } }`;

// The same rows, straight from the tables: every rated subject in `codes` (hasRecord is "a row exists").
const BASELINE_SQL = `
  SELECT s.id AS subjectId, s.credit_code AS creditCode, r.score, r.grade, r.inspection_factor AS inspectionFactor,
         r.key_supervision AS keySupervision, r.deposit_retention AS depositRetention,
         r.termination_recommended AS terminationRecommended, r.rule_set_version AS ruleSetVersion, r.computed_at AS computedAt
    FROM subjects s JOIN ratings r ON r.subject_id = s.id
   WHERE s.credit_code IN (?)`;

const WARM_UP = 2;
const SHOW_DIFFERENCES = 5;

/**
 * B4 (quality.md): `ratings(creditCodes: [...])` over HTTP against the real API (in process, on an ephemeral
 * port, with a BUDGET key), against a raw mysql2 SELECT of the same rows + JSON.stringify. Each request asks
 * for a different seeded sample of rated credit codes; the baseline and the API take turns on the same sample,
 * so both see the same noise. Every answer is checked against the baseline's rows, outside the timing.
 */
export async function runB4(pool: Pool, spec: B4Spec): Promise<BenchResult> {
  const [codeRows] = (await pool.query(
    'SELECT s.credit_code AS code FROM subjects s JOIN ratings r ON r.subject_id = s.id WHERE s.credit_code IS NOT NULL ORDER BY s.id',
  )) as unknown as [{ code: string }[]];
  const codes = codeRows.map((r) => r.code);
  if (codes.length < spec.keys) throw new Error(`B4 needs ${spec.keys} rated subjects with a credit code, found ${codes.length}`);
  const rng = new Prng(spec.seed, 200);
  const samples = Array.from({ length: WARM_UP + spec.requests }, () => sample(rng, codes, spec.keys));

  progress('B4: starting the API (ApiModule) on an ephemeral port');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error', 'warn'] });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  try {
    const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
    const { secret } = await app.get(ApiKeysService).create(Role.BUDGET, 'bench B4', 'bench');
    const bulkUrl = url.replace(/\/graphql$/, '/feeds/ratings');
    const baselineMs: number[] = [];
    const serviceMs: number[] = [];
    const bulkMs: number[] = [];
    const differences: string[] = [];
    let differenceCount = 0;
    let bytes = 0;
    for (let i = 0; i < samples.length; i++) {
      const base = await baselineRequest(pool, samples[i]);
      const api = await graphqlRequest(url, secret, samples[i], spec.asOf);
      const bulk = await bulkRequest(bulkUrl, secret, samples[i], spec.asOf);
      if (i >= WARM_UP) {
        baselineMs.push(base.ms);
        serviceMs.push(api.ms);
        bulkMs.push(bulk.ms);
        bytes = api.bytes;
      }
      const found = [
        ...compare(samples[i], base.rows, api.answers, fieldsOf(spec.asOf)),
        ...compare(samples[i], base.rows, bulk.answers, fieldsOf(spec.asOf)).map((d) => `bulk: ${d}`),
      ];
      differenceCount += found.length;
      for (const d of found) if (differences.length < SHOW_DIFFERENCES) differences.push(`request ${i + 1}: ${d}`);
      if (i >= WARM_UP && (i - WARM_UP + 1) % 5 === 0) progress(`B4: ${i - WARM_UP + 1}/${spec.requests} requests`);
    }
    const p50 = { base: percentile(baselineMs, 50), api: percentile(serviceMs, 50) };
    return {
      id: spec.asOf ? 'B4-asOf' : 'B4',
      title: spec.asOf ? `GraphQL query of ratings over HTTP, asOf ${spec.asOf} (computed from the events)` : 'GraphQL query of ratings over HTTP',
      sizes: [`${spec.keys} ratings per request × ${spec.requests} requests (+${WARM_UP} warm-up each, not counted), ${codes.length} rated subjects`],
      baseline: { label: 'p50: raw mysql2 SELECT (subjects ⋈ ratings by credit code) + JSON.stringify', ms: p50.base },
      service: { label: `p50: POST /graphql ratings(creditCodes${spec.asOf ? ', asOf' : ''}) with a BUDGET key, full body received (${Math.round(bytes / 1024)} KiB)`, ms: p50.api },
      details: [
        `API p95 ${percentile(serviceMs, 95).toFixed(1)} ms, min ${Math.min(...serviceMs).toFixed(1)} ms, max ${Math.max(...serviceMs).toFixed(1)} ms`,
        `baseline p95 ${percentile(baselineMs, 95).toFixed(1)} ms, min ${Math.min(...baselineMs).toFixed(1)} ms`,
        `API p95 / baseline p95: ${(percentile(serviceMs, 95) / percentile(baselineMs, 95)).toFixed(2)}×`,
        `B4-bulk: POST /feeds/ratings (NDJSON, same keys${spec.asOf ? ', asOf' : ''}, same check) p50 ${percentile(bulkMs, 50).toFixed(1)} ms = ${(percentile(bulkMs, 50) / p50.base).toFixed(2)}× the baseline, p95 ${percentile(bulkMs, 95).toFixed(1)} ms = ${(percentile(bulkMs, 95) / percentile(baselineMs, 95)).toFixed(2)}×`,
      ],
      ratio: p50.api / p50.base,
      // quality.md's B4 is the stored ratings; the asOf path was asked to be measured beside it (issue 8) and has
      // no target of its own: it reads every event of each key (about ten rows per rating) and rates them.
      target: spec.asOf ? null : 2,
      targetText: spec.asOf ? 'none in quality.md: measured beside B4 against the same stored-ratings baseline' : 'p50 ≤ 2× the baseline p50',
      differences,
      differenceCount,
      notes: [
        'the API runs in the bench process (Nest ApiModule, production settings); the client only reads the body during timing',
        'each round runs the baseline, the GraphQL request and the bulk request in turn on the same keys; both answers are checked against the baseline',
      ],
    };
  } finally {
    await app.close();
  }
}

/** `n` distinct codes, a seeded partial Fisher–Yates shuffle of a copy. */
function sample(rng: Prng, codes: readonly string[], n: number): string[] {
  const pool = [...codes];
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

async function baselineRequest(pool: Pool, codes: string[]): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  const t0 = performance.now();
  const [rows] = await pool.query(BASELINE_SQL, [codes]);
  JSON.stringify(rows);
  return { ms: performance.now() - t0, rows: rows as Record<string, unknown>[] };
}

async function graphqlRequest(url: string, key: string, codes: string[], asOf?: string): Promise<{ ms: number; bytes: number; answers: Answer[] }> {
  const body = JSON.stringify({ query: queryOf(asOf), variables: { codes, asOf } });
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  const parsed = JSON.parse(text) as { data?: { ratings: Answer[] }; errors?: unknown[] };
  if (!res.ok || parsed.errors || !parsed.data) throw new Error(`B4: the API answered ${res.status}: ${text.slice(0, 500)}`);
  return { ms, bytes: text.length, answers: parsed.data.ratings };
}

async function bulkRequest(url: string, key: string, codes: string[], asOf?: string): Promise<{ ms: number; answers: Answer[] }> {
  const body = JSON.stringify({ creditCodes: codes, asOf });
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`B4: POST /feeds/ratings answered ${res.status}: ${text.slice(0, 500)}`);
  return { ms, answers: text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Answer) };
}

/** The API's answers (in the order asked) against the baseline's rows, field by field. */
function compare(codes: readonly string[], rows: readonly Record<string, unknown>[], answers: readonly Answer[], fields: readonly Field[]): string[] {
  const out: string[] = [];
  if (answers.length !== codes.length) out.push(`${answers.length} answers for ${codes.length} codes`);
  const byCode = new Map(rows.map((r) => [String(r.creditCode), r]));
  codes.forEach((code, i) => {
    const row = byCode.get(code);
    const got = answers[i];
    if (!row || !got) {
      out.push(`${code}: ${row ? 'no answer' : 'no baseline row'}`);
      return;
    }
    const want: Answer = {
      subjectId: String(row.subjectId),
      creditCode: row.creditCode,
      score: Number(row.score),
      grade: row.grade,
      hasRecord: true,
      inspectionFactor: row.inspectionFactor === null ? null : Number(row.inspectionFactor),
      keySupervision: Number(row.keySupervision) === 1,
      depositRetention: Number(row.depositRetention) === 1,
      terminationRecommended: Number(row.terminationRecommended) === 1,
      ruleSetVersion: Number(row.ruleSetVersion),
      computedAt: (row.computedAt as Date).toISOString(),
    };
    const wrong = fields.filter((f) => got[f] !== want[f]);
    if (wrong.length > 0) out.push(`${code}: ${wrong.map((f) => `${f} API ${JSON.stringify(got[f])} vs SQL ${JSON.stringify(want[f])}`).join(', ')}`);
  });
  return out;
}
