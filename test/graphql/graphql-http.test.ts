import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { SCHEMA_FILE, schemaFileContent } from '../../apps/api/src/graphql/schema-file';
import { startApi, TestApi } from '../support/api-app';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());
const http = () => request(api.app.getHttpServer());

describe('GraphQL over HTTP', () => {
  it('schema.gql is what the code generates (run `npm run schema:print` after changing the API)', () => {
    const generated = schemaFileContent(api.app.get(GraphQLSchemaHost).schema);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('answers POST application/json', async () => {
    const res = await api.gql('{ viewer { role } }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { viewer: { role: null } } });
  });

  it('answers GET for queries, with the graphql-response media type when asked', async () => {
    const res = await http()
      .get('/graphql')
      .query({ query: '{ viewer { role } }' })
      .set('accept', 'application/graphql-response+json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(JSON.parse(res.text)).toEqual({ data: { viewer: { role: null } } });
  });

  it('refuses a mutation over GET (405)', async () => {
    const res = await http().get('/graphql').query({ query: 'mutation { __typename }' }).set('accept', 'application/graphql-response+json');
    expect(res.status).toBe(405);
  });

  it('a malformed query is BAD_USER_INPUT without stack or internals', async () => {
    const res = await api.gql('{ viewer { role ');
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.ts/);
  });

  it('a malformed JSON body is a GraphQL error with extensions.code and HTTP 400, like other bad requests', async () => {
    const res = await http().post('/graphql').set('content-type', 'application/json').send('{"query": "{ viewer { role } }", 11010519491231002X');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' } }],
    });
    expect(res.text).not.toContain('11010519491231002X');
    // the same shape as Apollo's own refusal of a body without a query
    const empty = await http().post('/graphql').set('content-type', 'application/json').send('{}');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
  });

  it('a body over the size limit is a GraphQL error too (413)', async () => {
    const res = await http().post('/graphql').set('content-type', 'application/json').send(`{"query":"${'x'.repeat(21 * 1024 * 1024)}"}`);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' });
  });

  it('an unknown field is BAD_USER_INPUT', async () => {
    const res = await api.gql('{ viewer { nope } }');
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('never echoes a bad variable value (it may be a resident ID) and names the variable instead', async () => {
    const res = await api.gql('query ($n: Int) { auditLog(first: $n) { nodes { seq } } }', { n: '11010519491231002X' });
    const text = JSON.stringify(res.body);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'n', reason: 'INVALID_VALUE' });
    expect(text).not.toMatch(/\d{6}/);
  });

  it('masks resident IDs in the messages it does echo (literals in the query text)', async () => {
    const res = await api.gql('{ auditLog(first: "11010519491231002X") { nodes { seq } } }');
    const text = JSON.stringify(res.body);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('110105********002X');
  });
});

describe('abuse limits (R5)', () => {
  it('refuses a depth bomb with QUERY_TOO_COMPLEX before running it', async () => {
    expect((await api.gql('{ auditLog { pageInfo { hasNextPage } } }')).body.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
    // a subject's events name their subject: a cycle that nests as deep as the query asks
    const bomb = `{ subject(id: "1") { events { subject { events { subject { events { subject { events { subject { events { subject { id } } } } } } } } } } } }`;
    const res = await api.gql(bomb);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_DEPTH' });
    expect(res.body.data).toBeUndefined();
  });

  it('refuses an alias bomb with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 25_000 }, (_, i) => `a${i}: viewer { role }`).join(' ');
    const res = await api.gql(`{ ${aliases} }`);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_TOKENS' });
  });

  it('refuses an oversized page size argument through the cost limit', async () => {
    const res = await api.gql('{ auditLog(first: 1000000) { nodes { seq actor action } } }');
    expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses batched requests (an array body)', async () => {
    const res = await http().post('/graphql').set('content-type', 'application/json').send([{ query: '{ viewer { role } }' }, { query: '{ viewer { role } }' }]);
    expect(res.status).toBe(400);
  });

  it('stays healthy after the abuse', async () => {
    expect((await http().get('/health/live')).status).toBe(200);
    expect((await api.gql('{ viewer { role } }')).body.data.viewer.role).toBeNull();
  });
});
