import { getIntrospectionQuery } from 'graphql';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { startApi, TestApi } from '../support/api-app';

/**
 * R5 (quality.md): hostile requests are refused with a clear machine-readable error before they cost
 * anything, and the server stays healthy. Timings are printed as a note, never asserted (2 shared cores).
 */
let api: TestApi;
const timings: [string, number, number, number][] = [];

beforeAll(async () => {
  api = await startApi();
  await api.gql('{ viewer { role } }'); // warm: the first request pays for schema and validation set-up
});
afterAll(async () => {
  const rows = timings.map(([n, first, best, bytes]) => `  ${n.padEnd(44)} ${first.toFixed(1).padStart(8)} ${best.toFixed(1).padStart(8)}  (${(bytes / 1024).toFixed(0)} KiB sent)`);
  process.stdout.write(`\nR5 refusal times in ms (client to answer, in process; first and fastest of 3; this machine's load included):\n${rows.join('\n')}\n`);
  await api?.close();
});

/** Sends the body three times (the refusal must hold each time) and notes the first and the fastest time. */
async function timed(name: string, body: string): Promise<request.Response> {
  const ms: number[] = [];
  let res: request.Response | undefined;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const next = await request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send(body);
    ms.push(performance.now() - started);
    if (res && next.status !== res.status) throw new Error(`${name}: answered ${res.status}, then ${next.status}`);
    res = next;
  }
  timings.push([name, ms[0], Math.min(...ms), Buffer.byteLength(body)]);
  return res!;
}

async function stillHealthy(): Promise<void> {
  expect((await request(api.app.getHttpServer()).get('/health/live')).status).toBe(200);
  expect((await api.gql('{ viewer { role } }')).body.data.viewer.role).toBeNull();
}

const json = (query: string, variables?: unknown): string => JSON.stringify({ query, variables });

describe('R5: request bombs are refused with a clear error, and the server stays healthy', () => {
  it('a depth bomb', async () => {
    // a subject's events name their subject: a cycle that nests as deep as the query asks
    let bomb = 'id';
    for (let i = 0; i < 20; i++) bomb = i % 2 ? `events { ${bomb} }` : `subject { ${bomb} }`;
    const res = await timed('depth bomb (21 levels through a cycle)', json(`{ subject(id: "1") { events { ${bomb} } } }`));
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_DEPTH' });
    await stillHealthy();
  });

  it('the standard introspection query (what a GraphQL IDE sends) is not a depth bomb', async () => {
    const res = await timed('standard introspection query (accepted)', json(getIntrospectionQuery()));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });

  it('an introspection bomb (fields within fields) is refused by graphql-js', async () => {
    const res = await timed('introspection bomb (fields × 4)', json('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }'));
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(/introspection|nested|deep/i);
    await stillHealthy();
  });

  it('an alias bomb too large to parse: refused by the token limit', async () => {
    const aliases = Array.from({ length: 25_000 }, (_, i) => `a${i}: viewer { role }`).join(' ');
    const res = await timed('alias bomb (25,000 aliases)', json(`{ ${aliases} }`));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ message: expect.stringMatching(/too many tokens/), extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'MAX_TOKENS' } }]);
    await stillHealthy();
  });

  it('an alias bomb of costly fields within the token limit: refused by the cost limit', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: auditLog(first: 1000) { nodes { seq actor action } }`).join(' ');
    const res = await timed('alias bomb (40 × auditLog(first: 1000))', json(`{ ${aliases} }`));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY' });
    expect(res.body.errors[0].extensions.complexity).toBeGreaterThan(res.body.errors[0].extensions.maxComplexity);
    await stillHealthy();
  });

  it('a batch array', async () => {
    const res = await timed('batch array (100 operations)', JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ viewer { role } }' }))));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    expect(res.body.errors[0].message).toMatch(/batching/i);
    await stillHealthy();
  });

  it('an oversized list argument in variables: refused before coercion', async () => {
    const codes = Array.from({ length: 200_000 }, (_, i) => `91110000${String(i).padStart(10, '0')}`);
    const res = await timed('list argument (200,000 credit codes)', json('query ($c: [String!]) { ratings(creditCodes: $c) { grade } }', { c: codes }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' });
    await stillHealthy();
  });

  it('a list argument under the list cap but over the cost limit: refused by the cost limit', async () => {
    const codes = Array.from({ length: 30_000 }, (_, i) => `91110000${String(i).padStart(10, '0')}`);
    const res = await timed('list argument (30,000 credit codes)', json('query ($c: [String!]) { ratings(creditCodes: $c) { grade } }', { c: codes }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY' });
    await stillHealthy();
  });

  it('an oversized page size', async () => {
    const res = await timed('page size (auditLog(first: 1000000))', json('{ auditLog(first: 1000000) { nodes { seq actor action } } }'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY' });
    await stillHealthy();
  });

  it('a 10 MB body', async () => {
    const res = await timed('10 MB body', json(`{ viewer { role } } # ${'x'.repeat(10 * 1024 * 1024)}`));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' });
    await stillHealthy();
  });

  it('a deeply nested JSON variable (100,000 levels)', async () => {
    const depth = 100_000;
    const body = `{"query":"query ($r: JSON!) { previewRuleSet(ruleSet: $r) { status gradeChanges } }","variables":{"r":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const res = await timed('nested JSON variable (100,000 levels)', body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_DEEP' });
    await stillHealthy();
  });

  it('a nested JSON variable just over the limit (33 levels) is refused the same way', async () => {
    let nested: unknown = 1;
    for (let i = 0; i < 33; i++) nested = { a: nested };
    const res = await timed('nested JSON variable (33 levels)', json('query ($r: JSON!) { previewRuleSet(ruleSet: $r) { status gradeChanges } }', { r: nested }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_DEEP' });
    await stillHealthy();
  });
});
