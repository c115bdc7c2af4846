import { ApiKeysService, Role } from '@app/auth';
import { addDays, DISCLOSURE_FIELD_ORDER, DisclosureKind, makeCreditCode, makeResidentId, shanghaiDate } from '@app/credit';
import { DisclosureService } from '@app/disclosures';
import { EventsService, SubjectsService } from '@app/registry';
import request from 'supertest';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';

// The storage shape B6 chose (content stored once, canonical and compressed; item rows beside it) and what a
// reader must not notice of it: fields in each kind's display order, the hash over exactly the stored bytes.
let api: TestApi;
const saved = { ...process.env };
const decidedOn = addDays(shanghaiDate(new Date()), -21);
const period = decidedOn.slice(0, 7);
const codes = Array.from({ length: 3 }, (_, i) => makeCreditCode(`1312000077${String(i).padStart(7, '0')}`));

beforeAll(async () => {
  Object.assign(process.env, { DISCLOSURE_AUTO_PUBLISH: '' });
  api = await startApi();
  await resetDatabase(api.dataSource);
  await api.app.get(ApiKeysService).create(Role.REGULATOR, 'bureau', 'test');
  await api.app.get(SubjectsService).register(
    [
      ...codes.map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `河北省第${i + 1}测试医院`, creditCode, regionCode: '130102', agreementSignedOn: '2015-01-01' })),
      { type: 'INSURED_PERSON', name: '欧阳修文', residentId: makeResidentId('13010219800101123'), regionCode: '130102' },
    ],
    'test',
  );
  await api.app.get(EventsService).record(
    [
      ...codes.map((creditCode, i) => ({ sourceRef: `p${i}`, creditCode, type: 'PENALTY_ART38', legalBasis: '条例第38条', decisionNo: `冀医保罚〔2026〕${i + 1}号`, fineFen: 100000 + i, amountInvolvedFen: 80000, fineMultiple: 1.5 })),
      { sourceRef: 'person', residentId: makeResidentId('13010219800101123'), type: 'INSURED_FRAUD', legalBasis: '条例第41条', decisionNo: '冀医保罚〔2026〕9号', fineFen: 20000, amountInvolvedFen: 10000 },
    ].map((e) => ({ sourceSystem: 'STORED-CONTENT-TEST', authority: '河北省医疗保障局', regionCode: '130102', occurredOn: addDays(decidedOn, -30), decidedOn, ...e })),
    'test',
  );
});
afterAll(async () => {
  process.env = saved;
  await api.close();
});

describe('stored disclosure content', () => {
  it('is the canonical JSON that was hashed, compressed (SQL UNCOMPRESS reads it), with one item row per item', async () => {
    const service = api.app.get(DisclosureService);
    const { disclosure } = await service.generate(DisclosureKind.PENALTY_NOTICE, period, null, 'test');
    const [row] = await api.dataSource.query(
      `SELECT SHA2(UNCOMPRESS(content), 256) AS sqlHash, content_hash AS contentHash, LENGTH(content) AS stored, UNCOMPRESSED_LENGTH(content) AS json, item_count AS itemCount,
              (SELECT COUNT(*) FROM disclosure_items WHERE disclosure_id = d.id) AS itemRows, CAST(UNCOMPRESS(content) AS CHAR) AS text
         FROM disclosures d WHERE id = ?`,
      [disclosure.id],
    );
    expect(row.sqlHash).toBe(row.contentHash);
    expect(Number(row.itemCount)).toBe(4);
    expect(Number(row.itemRows)).toBe(4);
    expect(Number(row.stored)).toBeLessThan(Number(row.json));
    // Canonical: keys sorted at every level, so the first item begins with its eventId and its fields with 公示截止日期.
    expect(row.text).toMatch(/^\{"items":\[\{"eventId":"\d+","fields":\{"公示截止日期":/);
    // The job keeps only each item's line and columns: the content generate returns is the stored text parsed,
    // and the item rows and the header's publication end come from those columns.
    expect(disclosure.content).toEqual(JSON.parse(row.text));
    expect(disclosure.content.items.map((i) => i.key)).toEqual([...disclosure.content.items.map((i) => i.key)].sort());
    const itemRows: { item_key: string; event_id: string | number | null; publication_end: string }[] = await api.dataSource.query(
      "SELECT item_key, event_id, DATE_FORMAT(publication_end, '%Y-%m-%d') AS publication_end FROM disclosure_items WHERE disclosure_id = ? ORDER BY item_key",
      [disclosure.id],
    );
    expect(itemRows.map((r) => ({ key: r.item_key, eventId: r.event_id === null ? null : String(r.event_id), publicationEnd: r.publication_end }))).toEqual(
      disclosure.content.items.map((i) => ({ key: i.key, eventId: i.eventId, publicationEnd: i.publicationEnd })),
    );
    expect(disclosure.publicationEnd).toBe(disclosure.content.items.map((i) => i.publicationEnd).sort().pop());
    // A re-run over unchanged data finds the same hash: no new version.
    expect(await service.generate(DisclosureKind.PENALTY_NOTICE, period, null, 'test')).toMatchObject({ created: false, disclosure: { id: disclosure.id } });
  });

  it('reads back in the display order the public has always had (JSON, CSV, HTML), persons masked', async () => {
    const service = api.app.get(DisclosureService);
    const { disclosure } = await service.generate(DisclosureKind.PENALTY_NOTICE, period, null, 'test');
    await service.publish(disclosure.id, 'test');
    const http = request(api.app.getHttpServer());
    const json = await http.get(`/public/disclosures/${disclosure.id}`).expect(200);
    for (const item of json.body.items as Record<string, unknown>[]) {
      expect(Object.keys(item)).toEqual(['key', 'regionCode', 'publicationEnd', 'fields']);
      expect(Object.keys(item.fields as object)).toEqual(DISCLOSURE_FIELD_ORDER[DisclosureKind.PENALTY_NOTICE]);
    }
    expect((json.body.items as { fields: Record<string, string> }[]).map((i) => i.fields.行政相对人)).toContain('欧阳某（参保人）');
    const csv = await http.get(`/public/disclosures/${disclosure.id}/items.csv`).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe(`\uFEFF条目编号,地区,公示截止日期,${DISCLOSURE_FIELD_ORDER[DisclosureKind.PENALTY_NOTICE].join(',')},撤回公告`);
    const page = await http.get(`/public/d/${disclosure.id}`).expect(200);
    const headers = [...page.text.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(headers[0]).toBe('行政相对人');
  });
});
