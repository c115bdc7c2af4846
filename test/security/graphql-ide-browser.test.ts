import { Browser } from 'playwright-core';
import { TestApi } from '../support/api-app';
import { startApiWith } from '../support/api-with-env';
import { launchBrowser } from '../support/browser';

/**
 * The development IDE in a real browser: it loads under its own Content-Security-Policy, fetches nothing
 * from another host (the machines have no internet), and its introspection (the standard query every IDE
 * sends, nested deeper than GRAPHQL_MAX_DEPTH through `ofType`) is answered, so the schema docs open.
 */
let api: TestApi;
let browser: Browser;
let base: string;

beforeAll(async () => {
  api = await startApiWith({ GRAPHQL_IDE: 'true' });
  await api.app.listen(0, '127.0.0.1');
  base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('opens, loads the schema, and asks no other host for anything', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const elsewhere: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) elsewhere.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text().slice(0, 200));
  });
  const introspected = page.waitForResponse((r) => r.url() === `${base}/graphql` && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('__schema'));
  await page.goto(`${base}/graphql`);
  const answer = await introspected;
  expect(answer.status()).toBe(200);
  expect((await answer.json()).data.__schema.queryType.name).toBe('Query');
  await page.getByText('Docs', { exact: true }).first().click();
  await page.getByText('Mutation', { exact: true }).first().waitFor();
  expect(elsewhere).toEqual([]);
  expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
  await page.close();
});
