import { DisclosureKind, DisclosureStatus } from '@app/credit';
import { createHash } from 'node:crypto';
import { DisclosureView } from '../disclosure-reader';
import { disclosureLinkText, PAGE_SECURITY_HEADERS, periodWords, renderDisclosurePage, renderListPage, STYLE_HASH, yuanInProse } from './public-pages';

const view: DisclosureView = {
  id: '7', kind: DisclosureKind.PENALTY_NOTICE, title: '行政处罚信息公示', period: '2026-10', regionCode: null, status: DisclosureStatus.PUBLISHED, version: 2,
  contentHash: 'a'.repeat(20) + '1'.repeat(44), auditHead: 'x', itemCount: 2, publishedAt: '2026-11-02T16:30:00.000Z', publicationEnd: '2027-10-10',
  correctionNote: '更正说明：本公示于2026年11月3日更正，替代2026年11月1日发布的第1版。', withdrawalReason: null, periodStart: '2026-10-01', periodEnd: '2026-10-31',
  items: [
    { key: 'PN-1', regionCode: '120101', publicationEnd: '2027-10-10', fields: { 行政相对人: '<script>alert(1)</script>医院', 处罚内容: '罚款2541.5元', 决定日期: '2026-10-10', 违法类型: ['a"><img onerror=x>', 'b'] } },
    { key: 'PN-2', notice: '撤回公告', withdrawn: true, withdrawnOn: '2026-11-03', reason: '经行政复议撤销<b>', text: 'x' },
  ],
};

describe('public pages', () => {
  it('words for periods, prose amounts with two decimals, link text saying where it goes', () => {
    expect(['2026-10', '2026-Q3', '2026-H1', '2026-H2'].map(periodWords)).toEqual(['2026年10月', '2026年第三季度', '2026年上半年', '2026年下半年']);
    expect(yuanInProse('罚款2541元，罚款2541.5元，涉及金额1270.75元，暂停180日')).toBe('罚款2541.00元，罚款2541.50元，涉及金额1270.75元，暂停180日');
    expect(disclosureLinkText({ title: '典型案例曝光', period: '2026-Q3', regionCode: '120000', version: 2 })).toBe('典型案例曝光（2026年第三季度，地区代码 120000，第2版）');
  });

  it('a disclosure page: data escaped as text, dates in 年月日 (Shanghai), the notice and correction note, no script', () => {
    const page = renderDisclosurePage(view);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;医院');
    expect(page).toContain('a&quot;&gt;&lt;img onerror=x&gt;；b');
    expect(page).not.toMatch(/<script|<img/);
    expect(page).toContain('罚款2541.50元');
    expect(page).toContain('2026年10月10日');
    expect(page).toContain('<dd>2026年11月3日</dd>'); // published 2026-11-02T16:30Z is the 3rd in Shanghai
    expect(page).toContain('<strong>撤回公告</strong>：本条信息已于2026年11月3日撤回，撤回原因：经行政复议撤销&lt;b&gt;。');
    expect(page).toContain(view.correctionNote);
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    // The hash is shown in groups of eight: never a run of 18 digits that looks like a resident ID.
    expect(page).not.toMatch(/\d{18}/);
  });

  it('the list page keeps the filters in its form and its paging links, escaped', () => {
    const page = renderListPage({ kind: 'TYPICAL_CASES', region: '"><x', period: '2026-Q3', after: 'abc', nodes: [], nextCursor: 'n&x', error: null });
    expect(page).toContain('<option value="TYPICAL_CASES" selected>');
    expect(page).toContain('value="&quot;&gt;&lt;x"');
    expect(page).toContain('href="/public?kind=TYPICAL_CASES&amp;region=%22%3E%3Cx&amp;period=2026-Q3&amp;after=n%26x"');
    expect(page).toContain('没有符合筛选条件的公示');
  });

  it('the CSP allows exactly the inline stylesheet by its hash, and nothing else', () => {
    const page = renderListPage({ kind: '', region: '', period: '', after: null, nodes: [], nextCursor: null, error: null });
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    expect(STYLE_HASH).toBe(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
    expect(PAGE_SECURITY_HEADERS['Content-Security-Policy']).toBe(`default-src 'none'; style-src ${STYLE_HASH}; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`);
    expect(page).not.toMatch(/<script|https?:\/\//);
  });
});
