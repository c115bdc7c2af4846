import { DisclosureKind } from '@app/credit';
import { inflateSync } from 'node:zlib';
import { compressContent, COMPRESSED_CONTENT, decodeContent } from './compressed-content';

const content = {
  items: [{ eventId: '1', fields: { 行政相对人: '张某（参保人）', 处罚内容: '罚款200元' }, key: 'PN-1', publicationEnd: '2027-07-09', regionCode: '110105' }],
  kind: DisclosureKind.PENALTY_NOTICE,
  period: '2026-07',
  periodEnd: '2026-07-31',
  periodStart: '2026-07-01',
  regionCode: null,
  title: '行政处罚信息公示',
};

describe('compressed content', () => {
  it("MariaDB's COMPRESS() format: the length low byte first, then a zlib stream of the JSON", async () => {
    const json = Buffer.from(JSON.stringify(content), 'utf8');
    const stored = await compressContent(json);
    expect(stored.readUInt32LE(0)).toBe(json.length);
    expect(inflateSync(stored.subarray(4)).equals(json)).toBe(true);
    expect(decodeContent(stored)).toEqual(content);
  });

  it('reads rows stored as plain JSON text (bytes or string) as they are', () => {
    for (const key of ['items', 'kind']) {
      const { kind, ...rest } = content;
      const text = JSON.stringify(key === 'kind' ? { kind, ...rest } : content);
      expect(decodeContent(Buffer.from(text, 'utf8'))).toEqual(content);
      expect(decodeContent(text)).toEqual(content);
    }
  });

  it('the entity transformer round-trips, and passes null through', () => {
    const stored = COMPRESSED_CONTENT.to(content) as Buffer;
    expect(stored.length).toBeLessThan(Buffer.byteLength(JSON.stringify(content)) + 4);
    expect(COMPRESSED_CONTENT.from(stored)).toEqual(content);
    expect(COMPRESSED_CONTENT.from(null)).toBeNull();
  });

  it('a large repetitive content shrinks to a fraction', async () => {
    const many = { ...content, items: Array.from({ length: 2000 }, (_, i) => ({ ...content.items[0], key: `PN-${i}`, eventId: String(i) })) };
    const json = Buffer.from(JSON.stringify(many), 'utf8');
    const stored = await compressContent(json);
    expect(stored.length * 5).toBeLessThan(json.length);
    expect(decodeContent(stored)).toEqual(many);
  });
});
