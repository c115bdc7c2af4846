import { DisclosureKind, DisclosureStatus } from '@app/credit';
import { atomFeed } from './atom';
import { DisclosureView, itemsCsv } from './disclosure-reader';

const view: DisclosureView = {
  id: '7',
  kind: DisclosureKind.PENALTY_NOTICE,
  title: '行政处罚信息公示',
  period: '2026-10',
  regionCode: null,
  status: DisclosureStatus.PUBLISHED,
  version: 1,
  contentHash: 'a'.repeat(64),
  auditHead: '1:abc',
  itemCount: 2,
  publishedAt: '2026-11-01T02:00:00.000Z',
  publicationEnd: '2027-10-10',
  correctionNote: null,
  withdrawalReason: null,
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  items: [
    { key: 'PN-1', regionCode: '120101', publicationEnd: '2027-10-10', fields: { 行政相对人: '=HYPERLINK("x")医院', 处罚内容: '罚款2541元' } },
    { key: 'PN-2', notice: '撤回公告', withdrawn: true, withdrawnOn: '2026-11-03', reason: '经行政复议撤销', text: '撤回公告：本条信息已于2026年11月3日撤回，撤回原因：经行政复议撤销。' },
  ],
};

describe('itemsCsv', () => {
  it('BOM, header, formula-safe cells, a withdrawn item as its notice', () => {
    const csv = itemsCsv(view);
    expect(csv.startsWith('\uFEFF条目编号,地区,公示截止日期,行政相对人,处罚内容,撤回公告\r\n')).toBe(true);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain('PN-2,,,,,撤回公告：本条信息已于2026年11月3日撤回');
  });
});

describe('atomFeed', () => {
  it('escapes what it writes and gives each version its own entry id', () => {
    const xml = atomFeed([view, { ...view, id: '8', version: 2, correctionNote: '更正 <b>&' }], 'http://h"x', new Date('2026-11-02T00:00:00Z'));
    expect(xml).toContain('<id>tag:yibao-credit,2026:disclosure:8:v2</id>');
    expect(xml).toContain('更正 &lt;b&gt;&amp;');
    expect(xml).toContain('href="http://h&quot;x/public/feed.atom"');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });
});
