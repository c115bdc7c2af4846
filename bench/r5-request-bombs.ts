import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { performance } from 'node:perf_hooks';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApiHttp } from '../apps/api/src/security/configure-api-http';
import { BenchResult, percentile, progress } from './report';

/** quality.md R5: each hostile request refused with a clear error in under this many ms. */
const LIMIT_MS = 50;
const ROUNDS = 7;

interface Bomb {
  name: string;
  body: () => string;
  status: number;
  /** The machine-readable refusal expected (extensions.code and .reason). */
  code: string;
  reason: string;
}

const json = (query: string, variables?: unknown): string => JSON.stringify({ query, variables });
const codes = (n: number): string[] => Array.from({ length: n }, (_, i) => `91110000${String(i).padStart(10, '0')}`);
const RATINGS = 'query ($c: [String!]) { ratings(creditCodes: $c) { grade } }';

function depthBomb(): string {
  let bomb = 'id';
  for (let i = 0; i < 20; i++) bomb = i % 2 ? `events { ${bomb} }` : `subject { ${bomb} }`;
  return json(`{ subject(id: "1") { events { ${bomb} } } }`);
}

function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

/** The hostile requests of R5, as test/security/r5-request-bombs.test.ts sends them (there: refusal and health asserted). */
const BOMBS: Bomb[] = [
  { name: 'depth bomb (21 levels through a cycle)', body: depthBomb, status: 400, code: 'QUERY_TOO_COMPLEX', reason: 'MAX_DEPTH' },
  { name: 'alias bomb (25,000 aliases)', body: () => json(`{ ${Array.from({ length: 25_000 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`), status: 400, code: 'QUERY_TOO_COMPLEX', reason: 'MAX_TOKENS' },
  { name: 'alias bomb (40 × auditLog(first: 1000))', body: () => json(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: auditLog(first: 1000) { nodes { seq } }`).join(' ')} }`), status: 400, code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY' },
  { name: 'batch array (100 operations)', body: () => JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ viewer { role } }' }))), status: 400, code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' },
  { name: 'list argument (200,000 credit codes)', body: () => json(RATINGS, { c: codes(200_000) }), status: 400, code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' },
  { name: 'list argument (30,000 credit codes)', body: () => json(RATINGS, { c: codes(30_000) }), status: 400, code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY' },
  { name: 'page size (auditLog(first: 1000000))', body: () => json('{ auditLog(first: 1000000) { nodes { seq } } }'), status: 400, code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY' },
  { name: '10 MB body', body: () => json(`{ viewer { role } } # ${'x'.repeat(10 * 1024 * 1024)}`), status: 413, code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'nested JSON variable (100,000 levels)',
    body: () => `{"query":"query ($r: JSON!) { previewRuleSet(ruleSet: $r) { status } }","variables":{"r":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    status: 400,
    code: 'BAD_USER_INPUT',
    reason: 'TOO_DEEP',
  },
  { name: 'nested JSON variable (33 levels)', body: () => json('query ($r: JSON!) { previewRuleSet(ruleSet: $r) { status } }', { r: nested(33) }), status: 400, code: 'BAD_USER_INPUT', reason: 'TOO_DEEP' },
];

/** What is wrong with a refusal (empty: the expected status and machine-readable code and reason). */
async function refusalProblem(res: Response, bomb: Bomb): Promise<string> {
  const body = (await res.json().catch(() => null)) as { errors?: { extensions?: { code?: string; reason?: string } }[] } | null;
  const ext = body?.errors?.[0]?.extensions;
  if (res.status === bomb.status && ext?.code === bomb.code && ext?.reason === bomb.reason) return '';
  return `${bomb.name}: answered ${res.status} ${ext?.code ?? '-'}/${ext?.reason ?? '-'}, expected ${bomb.status} ${bomb.code}/${bomb.reason}`;
}

/**
 * R5 as a benchmark: the API in process with the service's whole HTTP stack (configureApiHttp: helmet, limits,
 * safe errors), each hostile request sent over HTTP after a warm-up, ROUNDS times, client-side time from send to
 * the whole answer; every answer checked for its refusal, and /health/live after each kind. The figure is the
 * slowest kind's median against the 50 ms of quality.md (ratio ≤ 1 meets it).
 */
export async function runR5(): Promise<BenchResult> {
  progress('R5: starting the API (ApiModule, the whole HTTP stack) on an ephemeral port');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error', 'warn'] });
  configureApiHttp(app);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const differences: string[] = [];
  const medians: [string, number, number][] = [];
  try {
    for (const bomb of BOMBS) {
      const body = bomb.body(); // built once: its construction is the attacker's cost, not the service's
      const ms: number[] = [];
      for (let i = 0; i <= ROUNDS; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const problem = await refusalProblem(res, bomb);
        const elapsed = performance.now() - t0;
        if (problem) differences.push(problem);
        if (i > 0) ms.push(elapsed); // the first is the warm-up
      }
      const live = await fetch(`${base}/health/live`);
      if (live.status !== 200) differences.push(`${bomb.name}: /health/live answered ${live.status} afterwards`);
      medians.push([bomb.name, percentile(ms, 50), Math.max(...ms)]);
      progress(`R5: ${bomb.name}: median ${percentile(ms, 50).toFixed(1)} ms`);
    }
  } finally {
    await app.close();
  }
  const worst = medians.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    id: 'R5',
    title: 'hostile requests refused (quality.md R5), slowest kind vs the 50 ms limit',
    sizes: [`${BOMBS.length} kinds of hostile request × ${ROUNDS} (+1 warm-up each), POST /graphql over HTTP`],
    size: `${BOMBS.length} kinds × ${ROUNDS}`,
    baseline: { label: 'the limit of quality.md R5', ms: LIMIT_MS },
    service: { label: `median of the slowest kind: ${worst[0]}`, ms: worst[1] },
    details: medians.map(([name, median, max]) => `${name.padEnd(42)} median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`),
    ratio: worst[1] / LIMIT_MS,
    target: 1,
    targetText: `each kind's median ≤ ${LIMIT_MS} ms, refused with its code, /health/live 200 after`,
    differences: differences.slice(0, 10),
    differenceCount: differences.length,
    notes: ['client-side time from sending the body to the whole answer; the body is built before timing'],
  };
}
