import { addDays, chineseDate, containsResidentIdPattern, DisclosureKind, makeCreditCode, makeResidentId, shanghaiDate } from '@app/credit';
import { DisclosureService } from '@app/disclosures';
import { EventCorrectionsService, EventsService, SubjectsService } from '@app/registry';
import { statSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { startApi, TestApi } from '../support/api-app';
import { launchBrowser } from '../support/browser';
import { resetDatabase } from '../support/database';
import { ROOT } from '../support/test-env';
import { phoneNumberIn } from '../support/phone-pattern';

const AUTHORITY = '天津市医疗保障局';
const today = shanghaiDate(new Date());
const decidedOn = addDays(today, -21);
const period = decidedOn.slice(0, 7);
const monthWords = `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`;
// Credit codes with letters in them: nothing institution-shaped can pass for a resident ID on the page.
const codes = Array.from({ length: 7 }, (_, i) => makeCreditCode(`91120101MA0${String(i).padStart(5, '0')}X`.slice(0, 17)));
const personId = makeResidentId('12010119800101123');
const HOSTILE = '测试"><img src=x onerror=alert(1)><script>alert(2)</script>诊所';

let api: TestApi;
let base: string;
let browser: Browser;
let service: DisclosureService;
let noticeId: string;
let correctedId: string;
let revokedEvent: string;
const saved = { ...process.env };
/** The few browser globals the page checks use (the tests compile without the DOM library). */
interface BrowserGlobals {
  getComputedStyle(el: unknown): { backgroundColor: string };
  document: { documentElement: { scrollWidth: number } };
}

async function register(items: Record<string, unknown>[]): Promise<string[]> {
  return (await api.app.get(SubjectsService).register(items, 'test')).map((s) => s.id);
}
async function record(items: Record<string, unknown>[]): Promise<string[]> {
  const result = await api.app.get(EventsService).record(
    items.map((e) => ({ sourceSystem: 'PAGE-TEST', authority: AUTHORITY, regionCode: '120101', occurredOn: addDays(decidedOn, -30), decidedOn, ...e })),
    'test',
  );
  return result.events.map((e) => e.id);
}
const http = () => request(api.app.getHttpServer());

beforeAll(async () => {
  Object.assign(process.env, { DISCLOSURE_AUTO_PUBLISH: '', DISCLOSURE_CACHE_MAX_AGE: '60' });
  api = await startApi();
  await resetDatabase(api.dataSource);
  await api.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  service = api.app.get(DisclosureService);

  // Through the real path: subjects and events recorded, a penalty notice built (masked) and published, then
  // one decision revoked and its item withdrawn by the rescore hook; a termination list corrected by a version 2.
  const [hospital, , clinic] = await register([
    { type: 'MEDICAL_INSTITUTION', name: '天津市和平区测试医院', creditCode: codes[0], regionCode: '120101', agreementSignedOn: '2015-01-01' },
    { type: 'INSURED_PERSON', name: '张三丰', residentId: personId, regionCode: '120101' },
    { type: 'MEDICAL_INSTITUTION', name: '天津市河西区测试门诊部', creditCode: codes[1], regionCode: '120103' },
    { type: 'MEDICAL_INSTITUTION', name: '天津市南开区测试药房', creditCode: codes[2], regionCode: '120104' },
  ]);
  [, , revokedEvent] = await record([
    { sourceRef: 'h-38', subjectId: hospital, type: 'PENALTY_ART38', fineMultiple: 2, legalBasis: '《医疗保障基金使用监督管理条例》第三十八条', decisionNo: '津医保罚〔2026〕101号', fineFen: 254150, amountInvolvedFen: 127075 },
    { sourceRef: 'p-41', residentId: personId, type: 'INSURED_FRAUD', legalBasis: '《医疗保障基金使用监督管理条例》第四十一条', decisionNo: '津医保罚〔2026〕102号', fineFen: 50000, amountInvolvedFen: 25000 },
    { sourceRef: 'c-38', subjectId: clinic, type: 'PENALTY_ART38', fineMultiple: 2, legalBasis: '《医疗保障基金使用监督管理条例》第三十八条', decisionNo: '津医保罚〔2026〕103号', fineFen: 100000, amountInvolvedFen: 50000 },
  ]);
  const notice = await service.generate(DisclosureKind.PENALTY_NOTICE, period, null, 'test');
  noticeId = (await service.publish(notice.disclosure.id, 'test')).id;
  await api.app.get(EventCorrectionsService).revoke(revokedEvent, '经行政复议撤销', 'test');
  expect(await service.refreshSubjects([clinic])).toBe(1);

  const [t1, t2] = await register([
    { type: 'MEDICAL_INSTITUTION', name: '天津市第3终止协议测试医院', creditCode: codes[5], regionCode: '120101' },
    { type: 'MEDICAL_INSTITUTION', name: HOSTILE, creditCode: codes[6], regionCode: '120101' },
  ]);
  await record([{ sourceRef: 't-1', subjectId: t1, type: 'AGREEMENT_TERMINATED', decisionNo: '津医保协〔2026〕1号', legalBasis: '服务协议' }]);
  const v1 = await service.generate(DisclosureKind.TERMINATED_INSTITUTIONS, period, null, 'test');
  await service.publish(v1.disclosure.id, 'test');
  await record([{ sourceRef: 't-2', subjectId: t2, type: 'AGREEMENT_TERMINATED', decisionNo: '津医保协〔2026〕2号', legalBasis: '服务协议' }]);
  const v2 = await service.generate(DisclosureKind.TERMINATED_INSTITUTIONS, period, null, 'test');
  correctedId = (await service.publish(v2.disclosure.id, 'test')).id;

  browser = await launchBrowser();
});

afterAll(async () => {
  process.env = saved;
  await browser?.close();
  await api?.close();
});

/** Everything a reader could see or the browser receive: the visible text and the markup. */
async function pageTexts(page: Page): Promise<string[]> {
  return [await page.locator('body').innerText(), await page.content()];
}

describe('the public HTML pages', () => {
  it('opens /public, follows a link to a disclosure by its name, reads it, finds no personal identifier, and saves screenshots', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const requests: string[] = [];
    const cspViolations: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });

    const listResponse = (await page.goto(`${base}/public`))!;
    expect(listResponse.status()).toBe(200);
    expect(listResponse.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; .*frame-ancestors 'none'/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').count()).toBe(1);
    await page.getByRole('link', { name: `行政处罚信息公示（${monthWords}）` }).click();
    await page.waitForURL(`${base}/public/d/${noticeId}`);

    const response = (await page.reload())!;
    const headers = response.headers();
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).not.toMatch(/script-src|unsafe-inline/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toBe('public, max-age=60');
    expect(headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const [text, markup] = await pageTexts(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toBe('行政处罚信息公示');
    for (const landmark of ['banner', 'navigation', 'main', 'contentinfo']) expect(await page.getByRole(landmark as 'main').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('table caption').innerText()).toContain('行政处罚信息公示条目');
    expect(await page.locator('script').count()).toBe(0);
    expect(markup).not.toMatch(/<script/i);

    expect(text).toContain(`天津市和平区测试医院（${codes[0]}）`);
    expect(text).toContain('张某（参保人）');
    expect(text).toContain('罚款2541.50元');
    expect(text).toContain('罚款500.00元');
    expect(text).toContain(chineseDate(decidedOn));
    expect(text).not.toContain(decidedOn);
    expect(text).toContain(`撤回公告：本条信息已于${chineseDate(today)}撤回，撤回原因：经行政复议撤销。`);
    expect(text).not.toContain('津医保罚〔2026〕103号'); // the withdrawn item's content is gone, its notice in place
    // No personal identifier: no resident-ID shape, no phone number, no full name of the person.
    for (const body of [text, markup]) {
      expect(containsResidentIdPattern(body)).toBe(false);
      expect(phoneNumberIn(body)).toBeNull();
      expect(body).not.toContain('张三丰');
      expect(body).not.toContain(personId.slice(0, 6) + '*');
    }
    // The inline style applied (its hash in the CSP is right), nothing blocked, nothing fetched from elsewhere.
    expect(await page.locator('header.site').evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).backgroundColor)).toBe('rgb(11, 61, 110)');
    expect(cspViolations).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);

    // Written where test output goes (.data/, not tracked): docs/public-page*.png are copies of one run, kept
    // in the repository for the README, so a test run never leaves the working tree changed.
    const shots = join(ROOT, '.data', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'public-page-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(shots, 'public-page.png'), fullPage: true });
    expect(statSync(join(shots, 'public-page.png')).size).toBeGreaterThan(10_000);
    // On a phone-sized screen the page itself does not scroll sideways; only the table's own box does.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('the list filters by kind, region and period with plain GET fields and links; a corrected version shows its note', async () => {
    const all = await http().get('/public').expect(200);
    expect(all.text).toContain(`href="/public/d/${noticeId}"`);
    expect(all.text).toContain(`href="/public/d/${correctedId}"`);
    const onlyTerminated = await http().get('/public').query({ kind: 'TERMINATED_INSTITUTIONS', period, region: '' }).expect(200);
    expect(onlyTerminated.text).toContain(`href="/public/d/${correctedId}"`);
    expect(onlyTerminated.text).not.toContain(`href="/public/d/${noticeId}"`);
    expect(onlyTerminated.text).toContain('<option value="TERMINATED_INSTITUTIONS" selected>');
    const otherRegion = await http().get('/public?region=310000').expect(200);
    expect(otherRegion.text).toContain('没有符合筛选条件的公示');
    const bad = await http().get('/public?kind=%3Cscript%3E&period=x').expect(400);
    expect(bad.text).toContain('公示类别不正确');
    expect(bad.text).not.toContain('<script>');
    expect(bad.headers['content-security-policy']).toContain("default-src 'none'");

    const corrected = await http().get(`/public/d/${correctedId}`).expect(200);
    expect(corrected.text).toMatch(/更正说明：本公示于\d{4}年\d{1,2}月\d{1,2}日更正，替代\d{4}年\d{1,2}月\d{1,2}日发布的第1版。/);
    expect(corrected.text).toContain('解除医保协议机构名单');
    // A hostile institution name is text on the page, never markup.
    expect(corrected.text).toContain('测试&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;诊所');
    expect(corrected.text).not.toMatch(/<img|<script/i);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/public/d/${correctedId}`);
    expect(await page.locator('tbody').innerText()).toContain(HOSTILE);
    expect(await page.locator('img, script').count()).toBe(0);
    await context.close();
  });

  it('reads the same data as the public JSON, is cacheable like it, and answers an unknown disclosure with an HTML 404', async () => {
    const json = (await http().get(`/public/disclosures/${noticeId}`).expect(200)).body as { items: { withdrawn?: boolean; fields?: Record<string, string> }[] };
    const pageRes = await http().get(`/public/d/${noticeId}`).expect(200);
    expect((pageRes.text.match(/<tr class="withdrawn">/g) ?? []).length).toBe(json.items.filter((i) => i.withdrawn).length);
    for (const item of json.items.filter((i) => !i.withdrawn)) expect(pageRes.text).toContain(item.fields!.决定书文号);
    await http().get(`/public/d/${noticeId}`).set('if-none-match', pageRes.headers.etag).expect(304);
    const list = await http().get('/public').expect(200);
    await http().get('/public').set('if-none-match', list.headers.etag).expect(304);
    const missing = await http().get('/public/d/99999999').expect(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.text).toContain('未找到该公示');
    await http().get('/public/d/not-a-number').expect(404);
    // The Atom feed's entries point at these pages too.
    const atom = await http().get('/public/feed.atom').expect(200);
    expect(atom.text).toContain('<link rel="alternate" type="text/html" href="http://127.0.0.1');
    expect(atom.text).toMatch(new RegExp(`href="http://127\\.0\\.0\\.1(:\\d+)?/public/d/${noticeId}"`));
  });
});
