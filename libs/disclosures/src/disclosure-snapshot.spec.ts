import { canonicalJson } from '@app/common';
import { disclosureContent, DisclosureItem, DisclosureKind, parseDisclosurePeriod } from '@app/credit';
import { createHash } from 'node:crypto';
import { BuiltItem, builtItem, canonicalLine, disclosureSnapshot, LineArena, lineOf } from './disclosure-snapshot';

function period(kind: DisclosureKind, label: string) {
  const parsed = parseDisclosurePeriod(kind, label);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.period;
}

// Items in the builder's shapes (insertion order of keys deliberately not canonical), out of key order.
const items: DisclosureItem[] = [
  { key: 'PN-20', eventId: '20', regionCode: '110105', publicationEnd: '2027-07-09', fields: { 行政相对人: '张某（参保人）', 处罚内容: '罚款200元', 决定日期: '2026-07-09', 公示截止日期: '2027-07-09' } },
  { key: 'PN-3', eventId: '3', regionCode: null, publicationEnd: '2029-07-01', fields: { 行政相对人: '仁和医院（91110000MA00000000）', 违法行为: 'a "quoted" \\ line\nbreak', 决定书文号: '京医保罚〔2026〕3号' } },
  { key: 'TC-1', eventId: null, regionCode: '310104', publicationEnd: '2029-09-30', fields: { 当事人: '欧阳某', 行政措施: ['拒付费用', '解除医保协议'], 明细: [{ z: 1, a: '2' }] } },
];

const build = (xs: readonly DisclosureItem[], arena = new LineArena()): BuiltItem[] => xs.map((i) => builtItem(i, arena));

/** n penalty-notice items whose keys sort as they are built (PN-100000 …) or, reversed, the other way round. */
function notices(n: number): DisclosureItem[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `PN-${100_000 + i}`,
    eventId: String(100_000 + i),
    regionCode: '110105',
    publicationEnd: '2027-07-09',
    fields: { 行政相对人: `第${i}号医院（91110000MA00000000）`, 处罚内容: `罚款${i}元`, 违法事实: '欧阳某'.repeat(i % 50) },
  }));
}

describe('disclosureSnapshot', () => {
  it.each([
    [DisclosureKind.PENALTY_NOTICE, '2026-07', null],
    [DisclosureKind.TYPICAL_CASES, '2026-Q3', '310000'],
  ] as const)('%s %s: the stored text is canonicalJson(content) and the hash its SHA-256', (kind, label, region) => {
    const p = period(kind, label);
    const snapshot = disclosureSnapshot(kind, p, region, build(items));
    const content = disclosureContent(kind, p, region, items);
    expect(snapshot.canonical.toString('utf8')).toBe(canonicalJson(content));
    expect(snapshot.contentHash).toBe(createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'));
    expect(snapshot.content).toEqual(content);
    expect(JSON.parse(snapshot.canonical.toString('utf8'))).toEqual(JSON.parse(canonicalJson(content)));
  });

  it('a built item keeps its canonical line and the columns the job needs; the snapshot lists them in key order', () => {
    const p = period(DisclosureKind.PENALTY_NOTICE, '2026-07');
    const built = build(items);
    expect(built[1]).toMatchObject({ key: 'PN-3', eventId: '3', regionCode: null, publicationEnd: '2029-07-01' });
    expect(lineOf(built[1])).toEqual(Buffer.from(canonicalJson(items[1]), 'utf8'));
    expect(built.map((b) => lineOf(b).toString('utf8'))).toEqual(items.map((i) => canonicalJson(i)));
    // Keys already in canonical order take JSON.stringify's path: the same text.
    const ordered = JSON.parse(canonicalJson(items[2])) as DisclosureItem;
    expect(canonicalLine(ordered)).toBe(canonicalJson(items[2]));
    const snapshot = disclosureSnapshot(DisclosureKind.PENALTY_NOTICE, p, null, built);
    expect(snapshot.items.map((i) => i.key)).toEqual(['PN-20', 'PN-3', 'TC-1']);
    expect(snapshot.items.map((i) => i.publicationEnd)).toEqual(['2027-07-09', '2029-07-01', '2029-09-30']);
  });

  it('an empty disclosure', () => {
    const p = period(DisclosureKind.PENALTY_NOTICE, '2026-08');
    const snapshot = disclosureSnapshot(DisclosureKind.PENALTY_NOTICE, p, null, []);
    expect(snapshot.canonical.toString('utf8')).toBe(canonicalJson(disclosureContent(DisclosureKind.PENALTY_NOTICE, p, null, [])));
    expect(JSON.parse(snapshot.canonical.toString('utf8')).items).toEqual([]);
  });

  it.each([
    ['in key order, as built (runs copied whole, across arena chunks)', (xs: DisclosureItem[]) => xs],
    ['in reverse order (sorted, copied line by line)', (xs: DisclosureItem[]) => [...xs].reverse()],
    ['shuffled, some in order', (xs: DisclosureItem[]) => xs.map((x, i) => ({ x, k: (i * 7919) % xs.length })).sort((a, b) => a.k - b.k).map((e) => e.x)],
    ['filtered after building (gaps in the runs)', (xs: DisclosureItem[]) => xs.filter((_, i) => i % 3 !== 1)],
  ])('the same canonical text whatever the building order: %s', (_label, arrange) => {
    const p = period(DisclosureKind.PENALTY_NOTICE, '2026-07');
    // 40,000 lines of up to about 250 bytes: more than one 8 MiB arena chunk.
    const all = notices(40_000);
    const built = build(arrange(all));
    const chunks = new Set(built.map((b) => b.bytes));
    const kept = arrange(all);
    const snapshot = disclosureSnapshot(DisclosureKind.PENALTY_NOTICE, p, null, built);
    const expected = canonicalJson(disclosureContent(DisclosureKind.PENALTY_NOTICE, p, null, kept));
    expect(snapshot.canonical.toString('utf8')).toBe(expected);
    expect(snapshot.items.map((i) => i.key)).toEqual(kept.map((i) => i.key).sort());
    if (_label.startsWith('in key order')) expect(chunks.size).toBeGreaterThan(1);
  });
});
