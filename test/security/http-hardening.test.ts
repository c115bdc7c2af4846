import request from 'supertest';
import { TestApi } from '../support/api-app';
import { startApiWith } from '../support/api-with-env';

const PUBLIC_ORIGIN = 'https://public-site.example.org';

let api: TestApi;
let ide: TestApi;
beforeAll(async () => {
  api = await startApiWith({ CORS_ORIGINS: PUBLIC_ORIGIN });
  ide = await startApiWith({ GRAPHQL_IDE: 'true' });
});
afterAll(async () => {
  await api?.close();
  await ide?.close();
});

const http = () => request(api.app.getHttpServer());

describe('security headers on every response (helmet)', () => {
  const cases: [string, () => request.Test][] = [
    ['GraphQL', () => http().post('/graphql').send({ query: '{ viewer { role } }' })],
    ['a GraphQL error', () => http().post('/graphql').send({ query: '{ nope }' })],
    ['health', () => http().get('/health/live')],
    ['public JSON', () => http().get('/public/disclosures')],
    ['a feed refused', () => http().get('/feeds/lists/SEVERE_DISHONESTY/changes?since=0')],
    ['an unknown route', () => http().get('/nope')],
    ['a body too large', () => http().post('/graphql').set('content-type', 'application/json').send(`{"query":"${'x'.repeat(9 * 1024 * 1024)}"}`)],
  ];
  it.each(cases)('%s', async (_name, send) => {
    const res = await send();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('the public page keeps its own, stricter policy', async () => {
    const res = await http().get('/public');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('CORS: closed except for the configured public origins', () => {
  it('answers a preflight from a configured origin', async () => {
    const res = await http().options('/graphql').set('origin', PUBLIC_ORIGIN).set('access-control-request-method', 'POST').set('access-control-request-headers', 'content-type');
    expect(res.status).toBeLessThan(300);
    expect(res.headers['access-control-allow-origin']).toBe(PUBLIC_ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives any other origin nothing to read', async () => {
    const pre = await http().options('/graphql').set('origin', 'https://elsewhere.example').set('access-control-request-method', 'POST');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const get = await http().get('/public/disclosures').set('origin', 'https://elsewhere.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no CORS headers at all when no origin is configured', async () => {
    const res = await request(ide.app.getHttpServer()).get('/public/disclosures').set('origin', PUBLIC_ORIGIN);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the GraphQL IDE (development), served from node_modules', () => {
  const browser = (path: string) => request(ide.app.getHttpServer()).get(path).set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');

  it('opens on GET /graphql from a browser, with a nonce CSP and no external URL', async () => {
    const res = await browser('/graphql');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).not.toMatch(/https?:/);
    expect(res.text).toContain(`nonce="${nonce}"`);
    expect(res.text).toContain('AltairGraphQL.init');
    expect(res.text).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i); // nothing from another host
    expect(res.text).toContain('<base href="/graphql/ide/">');
  });

  it('serves every script, style and image the page names from this server', async () => {
    const page = (await browser('/graphql')).text;
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => u !== '/graphql/ide/'); // not the <base> tag
    expect(assets.length).toBeGreaterThan(5);
    for (const asset of assets) {
      const url = asset.startsWith('/') ? asset : `/graphql/ide/${asset}`;
      const res = await request(ide.app.getHttpServer()).get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.headers['content-security-policy']).toBeDefined();
    }
  });

  it('leaves GraphQL-over-HTTP GETs alone', async () => {
    const res = await request(ide.app.getHttpServer()).get('/graphql').query({ query: '{ viewer { role } }' }).set('accept', 'application/json');
    expect(res.body.data.viewer.role).toBeNull();
  });

  it('is off unless enabled (the test and production default)', async () => {
    const res = await http().get('/graphql').set('accept', 'text/html');
    expect(res.type).not.toBe('text/html');
    expect(res.text).not.toContain('AltairGraphQL');
  });
});
