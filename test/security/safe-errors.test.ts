import { DisclosureReader } from '@app/disclosures';
import { createServer } from 'node:http';
import request from 'supertest';
import { TestApi } from '../support/api-app';
import { startApiWith } from '../support/api-with-env';
import { leaksIn } from '../support/leak-patterns';
import { responseScan } from '../support/response-scan';

const BROKEN_SQL = 'SELECT nope FROM no_such_table WHERE id = 1';

/** Makes the disclosure reader run a failing statement on the real database: a genuine driver error with SQL in it. */
function breakTheReader(api: TestApi): jest.SpyInstance {
  return jest.spyOn(api.app.get(DisclosureReader), 'page').mockImplementation(() => api.dataSource.query(BROKEN_SQL));
}

interface Probe {
  name: string;
  send: (http: ReturnType<typeof request>) => request.Test;
}

/** Requests that fail in every way we know of: parser, validation, coercion, auth, routing, and a database error. */
const PROBES: Probe[] = [
  { name: 'malformed JSON to /graphql', send: (h) => h.post('/graphql').set('content-type', 'application/json').send('{"query": "{ viewer {') },
  { name: 'malformed JSON to a REST path', send: (h) => h.post('/public/disclosures').set('content-type', 'application/json').send('{"a": [1,') },
  { name: 'malformed JSON to a feed', send: (h) => h.post('/feeds/lists/SEVERE_DISHONESTY/changes').set('content-type', 'application/json').send('{{') },
  { name: 'unknown charset', send: (h) => h.post('/graphql').set('content-type', 'application/json; charset=klingon').send('{}') },
  { name: 'syntax error', send: (h) => h.post('/graphql').send({ query: '{ viewer { role }' }) },
  { name: 'unknown field', send: (h) => h.post('/graphql').send({ query: '{ viewer { nope } }' }) },
  { name: 'bad variable', send: (h) => h.post('/graphql').send({ query: 'query ($n: Int) { auditLog(first: $n) { nodes { seq } } }', variables: { n: 'x' } }) },
  { name: 'no key for a keyed query', send: (h) => h.post('/graphql').send({ query: '{ auditLog(first: 1) { nodes { seq } } }' }) },
  { name: 'an unknown key', send: (h) => h.post('/graphql').set('authorization', 'Bearer yc_nope').send({ query: '{ viewer { role } }' }) },
  { name: 'unknown route', send: (h) => h.get('/no/such/route') },
  { name: 'feed without a key', send: (h) => h.get('/feeds/lists/SEVERE_DISHONESTY/changes?since=abc') },
  { name: 'bad REST parameter', send: (h) => h.get('/public/disclosures?kind=NOPE') },
  { name: 'database error in GraphQL', send: (h) => h.post('/graphql').send({ query: '{ disclosures(first: 5) { nodes { id } } }' }) },
  { name: 'database error in REST', send: (h) => h.get('/public/disclosures') },
  { name: 'GET without a query', send: (h) => h.get('/graphql').set('accept', 'application/json') },
];

describe('the response scan (every integration test passes through it)', () => {
  it('recognises stack traces and SQL, and not ordinary answers', () => {
    expect(leaksIn(JSON.stringify({ message: 'x', stack: new Error('boom').stack }))).toContain('stack frame');
    expect(leaksIn(`QueryFailedError: ${BROKEN_SQL}`)).toEqual(expect.arrayContaining(['SQL statement', 'SQL error']));
    expect(leaksIn('{"code":"ER_NO_SUCH_TABLE"}')).toEqual(['SQL error']);
    expect(leaksIn('{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}')).toEqual([]);
    expect(leaksIn('<p>北京协和医院 违规使用医保基金 select the items from the list</p>')).toEqual([]);
  });

  it('fails the file when a server in it sends a stack trace', async () => {
    const server = createServer((_req, res) => res.end(new Error('planted').stack));
    const state = responseScan();
    const before = state.leaks.length;
    try {
      await request(server).get('/planted');
    } finally {
      server.close();
    }
    expect(state.leaks.slice(before)).toEqual([expect.stringMatching(/^GET \/planted -> 200: stack frame/)]);
    state.leaks.splice(before); // planted on purpose: not this file's failure
  });
});

describe.each(['test', 'production', 'development'])('no stack trace or SQL in any error (NODE_ENV=%s)', (mode) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApiWith({ NODE_ENV: mode, GRAPHQL_IDE: 'false' });
    breakTheReader(api);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
  });

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const res = await probe.send(request(api.app.getHttpServer()));
    // an error either way: an HTTP error status, or (GraphQL execution errors over application/json) a 200 with errors
    expect(res.status >= 400 || (Array.isArray(res.body?.errors) && res.body.errors.length > 0)).toBe(true);
    expect(leaksIn(res.text)).toEqual([]);
    expect(res.text).not.toContain('no_such_table');
    if (res.type.includes('json') && res.body?.errors) {
      for (const e of res.body.errors) {
        expect(typeof e.extensions?.code).toBe('string');
        expect(e.extensions).not.toHaveProperty('stacktrace');
        if (e.extensions.code === 'INTERNAL') expect(e.message).toBe('internal error');
      }
    }
  });

  it('GraphQL answers a database failure as INTERNAL with no detail', async () => {
    const res = await api.gql('{ disclosures(first: 5) { nodes { id } } }');
    expect(res.body.errors[0]).toEqual({ message: 'internal error', path: ['disclosures'], extensions: { code: 'INTERNAL' } });
  });

  it(`introspection is ${mode === 'production' ? 'off' : 'on'}`, async () => {
    const res = await api.gql('{ __schema { queryType { name } } }');
    if (mode === 'production') {
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(/introspection/i);
    } else {
      expect(res.body.data.__schema.queryType.name).toBe('Query');
    }
  });
});

describe('ERROR_DETAILS: the one explicit development setting that shows an internal message', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApiWith({ NODE_ENV: 'development', ERROR_DETAILS: 'true', GRAPHQL_IDE: 'false' });
    breakTheReader(api);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
  });

  it('shows the driver message, still without a stack', async () => {
    const scan = responseScan();
    scan.paused = true; // asked for on purpose: this response may name the table
    try {
      const res = await api.gql('{ disclosures(first: 5) { nodes { id } } }');
      expect(res.body.errors[0].extensions).toEqual({ code: 'INTERNAL' });
      expect(res.body.errors[0].message).toMatch(/no_such_table/);
      expect(leaksIn(res.text).filter((l) => l.startsWith('stack'))).toEqual([]);
    } finally {
      scan.paused = false;
    }
  });
});
