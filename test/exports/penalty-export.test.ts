import { ApiKeysService, Role } from '@app/auth';
import { addDays, containsResidentIdPattern, ListKind, makeCreditCode, makeResidentId, PENALTY_EXPORT_FIELDS, shanghaiDate } from '@app/credit';
import { DisclosureService } from '@app/disclosures';
import { PenaltyExportService } from '@app/exports';
import { CreditRepairService, ListLifecycleService, ListsRefreshService } from '@app/lists';
import { FullRescoreService, RescoreService } from '@app/ratings';
import { EventCorrectionsService, EventsService, SubjectsService } from '@app/registry';
import { Job } from 'bullmq';
import request from 'supertest';
import { RescoreProcessor } from '../../apps/worker/src/ratings/rescore.processor';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { changesSince as listChanges, sha256 } from '../lists/list-feeds-support';

const AUTHORITY = '天津市医疗保障局';
const AUTHORITY_CODE = '11120000MB1234567X';
const SETTINGS = {
  EXPORT_AUTHORITY_CODES: `${AUTHORITY}=${AUTHORITY_CODE}`,
  EXPORT_DATA_SOURCE_NAME: '天津市医疗保障局信用平台',
  EXPORT_DATA_SOURCE_CODE: AUTHORITY_CODE,
};

let api: TestApi;
let ndrc: string;
let processor: RescoreProcessor;
const saved = { ...process.env };
const DAY = 24 * 3600 * 1000;
const today = shanghaiDate(new Date());
// Decided three weeks ago: inside every publication period and the counting windows.
const decidedOn = addDays(today, -21);
const codes = Array.from({ length: 5 }, (_, i) => makeCreditCode(`1212000077${String(i).padStart(7, '0')}`));
const adultId = makeResidentId('12010119800101123');
const minorId = makeResidentId(`120101${Number(today.slice(0, 4)) - 12}0101456`);

interface Line extends Record<string, string> {
  recordId: string;
}
interface Change {
  seq: number;
  op: string;
  withdrawalReason: string | null;
  record: Line;
  auditHead: { seq: string; hash: string };
}

beforeAll(async () => {
  Object.assign(process.env, SETTINGS);
  api = await startApi();
  await resetDatabase(api.dataSource);
  ndrc = (await api.app.get(ApiKeysService).create(Role.NDRC, 'commission', 'test')).secret;
  // The worker's rescore handler, with the services of this process (the queue is not needed to run it).
  processor = new RescoreProcessor(api.dataSource, api.app.get(RescoreService), api.app.get(FullRescoreService), api.app.get(ListsRefreshService), api.app.get(PenaltyExportService), api.app.get(DisclosureService));
});
afterAll(async () => {
  process.env = saved;
  await api.close();
});

const rescoreRun = (subjectId: string) => processor.rescore({ data: { subjectId }, timestamp: Date.now() } as Job<{ subjectId: string }>);

async function register(items: Record<string, unknown>[]): Promise<string[]> {
  return (await api.app.get(SubjectsService).register(items, 'test')).map((s) => s.id);
}

async function record(items: Record<string, unknown>[]): Promise<string[]> {
  const result = await api.app.get(EventsService).record(
    items.map((e) => ({ sourceSystem: 'EXPORT-TEST', authority: AUTHORITY, regionCode: '120101', occurredOn: addDays(decidedOn, -30), decidedOn, ...e })),
    'test',
  );
  return result.events.map((e) => e.id);
}

function text(res: any, done: (err: Error | null, body: string) => void): void {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (data += chunk));
  res.on('end', () => done(null, data));
}

async function snapshot(format: 'ndjson' | 'csv' = 'ndjson'): Promise<{ seq: number; rowCount: number; sha256: string; body: string; contentType: string }> {
  const res = await request(api.app.getHttpServer()).get(`/feeds/penalties/snapshot?format=${format}`).set('authorization', `Bearer ${ndrc}`).buffer(true).parse(text);
  if (res.status !== 200) throw new Error(`snapshot ${res.status}: ${res.text}`);
  return { seq: Number(res.headers['x-list-seq']), rowCount: Number(res.headers['x-row-count']), sha256: res.headers['x-content-sha256'], body: res.body as string, contentType: res.headers['content-type'] };
}

async function changes(since: number, limit?: number): Promise<{ lastSeq: number; changes: Change[]; raw: string[] }> {
  const res = await request(api.app.getHttpServer())
    .get(`/feeds/penalties/changes?since=${since}${limit ? `&limit=${limit}` : ''}`)
    .set('authorization', `Bearer ${ndrc}`)
    .buffer(true)
    .parse(text);
  if (res.status !== 200) throw new Error(`changes ${res.status}: ${res.text}`);
  const raw = (res.body as string).split('\n').filter((l) => l.length > 0);
  return { lastSeq: Number(res.headers['x-list-seq']), changes: raw.map((l) => JSON.parse(l) as Change), raw };
}

const lines = (body: string): Line[] => body.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Line);
const ratingOf = async (id: string) => (await api.dataSource.query('SELECT score, grade FROM ratings WHERE subject_id = ?', [id]))[0];
const severeEntry = async (id: string) => (await api.dataSource.query(`SELECT entry_id, status FROM list_entries WHERE subject_id = ? AND list = 'SEVERE_DISHONESTY'`, [id]))[0];

describe('the national-platform penalty export', () => {
  it('a revoked Art.40 decision: REMOVE (REVOKED) in the list feed and WITHDRAW in the export, in the run that restores the rating', async () => {
    const [hospital] = await register([{ type: 'MEDICAL_INSTITUTION', name: '天津市第一测试医院', creditCode: codes[0], regionCode: '120101', agreementSignedOn: '2015-01-01' }]);
    const [fraud] = await record([
      { sourceRef: 'art40', creditCode: codes[0], type: 'PENALTY_ART40', legalBasis: '条例第40条', decisionNo: '津医保罚〔2026〕40号', fineFen: 254100, amountInvolvedFen: 84700, fineMultiple: 3 },
    ]);
    await rescoreRun(hospital);
    expect(await ratingOf(hospital)).toMatchObject({ grade: 'D' });

    // In the export at once (a penalty's publication does not wait for the severe list), with the exact record.
    const first = await snapshot();
    const recordId = `PE${fraud.padStart(12, '0')}`;
    expect(first.rowCount).toBe(1);
    expect(lines(first.body)).toEqual([
      {
        recordId,
        CF_XDR_MC: '天津市第一测试医院',
        CF_XDR_LB: '法人及非法人组织',
        CF_XDR_SHXYM: codes[0],
        CF_XDR_GSZC: '',
        CF_XDR_ZZJG: '',
        CF_XDR_SWDJ: '',
        CF_XDR_SYDW: '',
        CF_XDR_SHZZ: '',
        CF_FRDB: '',
        CF_FR_ZJLX: '',
        CF_FR_ZJHM: '',
        CF_XDR_ZJLX: '',
        CF_XDR_ZJHM: '',
        CF_WSH: '津医保罚〔2026〕40号',
        CF_WFXW: '违反《医疗保障基金使用监督管理条例》第四十条',
        CF_SY: '通过伪造、变造、隐匿、涂改、销毁医学文书等有关资料或者虚构医药服务项目等方式，骗取医疗保障基金，涉及金额847元',
        CF_YJ: '条例第40条',
        CF_CFLB: '罚款',
        CF_NR: '罚款2541元',
        CF_NR_FK: '0.2541',
        CF_NR_WFFF: '',
        CF_NR_ZKDX: '',
        CF_JDRQ: decidedOn,
        CF_YXQ: '2099-12-31',
        CF_GSJZQ: `${Number(decidedOn.slice(0, 4)) + 3}${decidedOn.slice(4)}`,
        CF_CFJG: AUTHORITY,
        CF_CFJGDM: AUTHORITY_CODE,
        CF_SJLY: SETTINGS.EXPORT_DATA_SOURCE_NAME,
        CF_SJLYDM: AUTHORITY_CODE,
        BZ: '',
      },
    ]);
    expect(sha256(first.body)).toBe(first.sha256);

    // The severe-list candidate, confirmed after its objection period.
    const candidate = await severeEntry(hospital);
    expect(candidate.status).toBe('NOTIFIED');
    await api.app.get(ListLifecycleService).confirm(candidate.entry_id, 'reg', new Date(Date.now() + 30 * DAY));
    await rescoreRun(hospital);
    expect(['D', 'E']).toContain((await ratingOf(hospital)).grade);
    expect((await severeEntry(hospital)).status).toBe('ACTIVE');
    const listBefore = (await listChanges(api, ndrc, ListKind.SEVERE_DISHONESTY, 0)).lastSeq;
    const exportBefore = (await changes(0)).lastSeq;

    await api.app.get(EventCorrectionsService).revoke(fraud, '经行政复议撤销', 'reg');
    await rescoreRun(hospital); // one processing run

    expect(await ratingOf(hospital)).toMatchObject({ score: 850, grade: 'B' });
    const listFeed = await listChanges(api, ndrc, ListKind.SEVERE_DISHONESTY, listBefore);
    expect(listFeed.changes).toEqual([expect.objectContaining({ op: 'REMOVE', removalReason: 'REVOKED', entry: expect.objectContaining({ entryId: candidate.entry_id }) })]);
    const exportFeed = await changes(exportBefore);
    expect(exportFeed.changes).toHaveLength(1);
    expect(exportFeed.changes[0]).toMatchObject({ seq: exportBefore + 1, op: 'WITHDRAW', withdrawalReason: 'REVOKED', record: { recordId, CF_WSH: '津医保罚〔2026〕40号', BZ: '撤回：处罚决定已撤销' } });
    expect(exportFeed.changes[0].auditHead.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await snapshot()).rowCount).toBe(0);
    // A second run changes nothing.
    await rescoreRun(hospital);
    expect((await changes(exportFeed.lastSeq)).changes).toEqual([]);
  });

  it('snapshot(s1) + changes(s1..s2) = snapshot(s2); CSV has the codes as header; persons masked; no case of a minor exported', async () => {
    const exports = api.app.get(PenaltyExportService);
    const [formula, second, adult, minor] = await register([
      { type: 'MEDICAL_INSTITUTION', name: '=HYPERLINK("http://x","医院")', creditCode: codes[1], regionCode: '120101', agreementSignedOn: '2015-01-01' },
      { type: 'PHARMACY', name: '天津市测试大药房', creditCode: codes[2], regionCode: '120101', agreementSignedOn: '2015-01-01' },
      { type: 'INSURED_PERSON', name: '欧阳娜娜', residentId: adultId, regionCode: '120101' },
      { type: 'INSURED_PERSON', name: '王小明', residentId: minorId, regionCode: '120101' },
    ]);
    await record([
      { sourceRef: 'art38-a', creditCode: codes[1], type: 'PENALTY_ART38', legalBasis: '条例第38条', decisionNo: '津医保罚〔2026〕38号', fineFen: 1_000_001, amountInvolvedFen: 600_000, fineMultiple: 1.5, suspensionDays: 180 },
    ]);
    await exports.refreshSubjects([formula]);
    const s1 = await snapshot();

    await record([
      { sourceRef: 'art39-b', creditCode: codes[2], type: 'PENALTY_ART39', legalBasis: '条例第39条', decisionNo: '津医保罚〔2026〕39号', fineFen: 2_000_000 },
      { sourceRef: 'fraud-adult', residentId: adultId, type: 'INSURED_FRAUD', legalBasis: '条例第41条', decisionNo: '津医保罚〔2026〕41号', fineFen: 300_000, amountInvolvedFen: 100_000, fineMultiple: 3 },
      { sourceRef: 'fraud-minor', residentId: minorId, type: 'INSURED_FRAUD', legalBasis: '条例第41条', decisionNo: '津医保罚〔2026〕42号', fineFen: 300_000, amountInvolvedFen: 100_000, fineMultiple: 3 },
    ]);
    // An amendment of the first decision: a MODIFY.
    const [art38] = (await api.dataSource.query(`SELECT id FROM events WHERE source_ref = 'art38-a'`)) as { id: string }[];
    await api.app.get(EventCorrectionsService).amend(String(art38.id), { fineFen: 1_200_000 }, '复核更正罚款金额', 'reg');
    await exports.refreshSubjects([formula, second, adult, minor]);
    const s2 = await snapshot();

    const feed = await changes(s1.seq);
    expect(feed.lastSeq).toBe(s2.seq);
    expect(feed.changes.map((c) => [c.op, c.record.CF_WSH])).toEqual([['MODIFY', '津医保罚〔2026〕38号'], ['ADD', '津医保罚〔2026〕39号'], ['ADD', '津医保罚〔2026〕41号']]);
    const replayed = new Map(lines(s1.body).map((l) => [l.recordId, l]));
    for (const c of feed.changes) {
      if (c.op === 'WITHDRAW') replayed.delete(c.record.recordId);
      else replayed.set(c.record.recordId, c.record);
    }
    const rebuilt = [...replayed.keys()].sort().map((k) => `${JSON.stringify(sortKeys(replayed.get(k)!))}\n`).join('');
    expect(rebuilt).toBe(s2.body);
    expect(sha256(rebuilt)).toBe(s2.sha256);
    expect(s2.rowCount).toBe(3);

    const all = lines(s2.body);
    expect(all.map((l) => l.CF_WSH).sort()).toEqual(['津医保罚〔2026〕38号', '津医保罚〔2026〕39号', '津医保罚〔2026〕41号']);
    expect(all.find((l) => l.CF_WSH === '津医保罚〔2026〕38号')).toMatchObject({ CF_NR_FK: '1.2', CF_NR: '罚款12000元，暂停涉及医疗保障基金使用的医药服务180日', CF_CFLB: '罚款;其他-暂停涉及医疗保障基金使用的医药服务' });
    const person = all.find((l) => l.CF_WSH === '津医保罚〔2026〕41号')!;
    expect(person).toMatchObject({ CF_XDR_MC: '欧阳某', CF_XDR_LB: '自然人', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: `${adultId.slice(0, 6)}********${adultId.slice(14)}`, CF_NR_FK: '0.3' });

    const csv = await snapshot('csv');
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.sha256).toBe(s2.sha256);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const csvLines = csv.body.slice(1).split('\r\n').filter((l) => l.length > 0);
    expect(csvLines[0]).toBe(PENALTY_EXPORT_FIELDS.join(','));
    expect(csvLines).toHaveLength(4);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);

    for (const body of [s2.body, csv.body, feed.raw.join('\n')]) {
      expect(containsResidentIdPattern(body)).toBe(false);
      expect(body).not.toContain('娜娜');
      expect(body).not.toContain('王小明');
      expect(body).not.toContain('津医保罚〔2026〕42号');
    }

    const head = await request(api.app.getHttpServer()).head('/feeds/penalties/snapshot?format=csv').set('authorization', `Bearer ${ndrc}`);
    expect(head.status).toBe(200);
    expect(head.headers).toMatchObject({ 'x-list-seq': String(s2.seq), 'x-row-count': '3', 'x-content-sha256': s2.sha256 });
  });

  it('an approved credit repair withdraws the decision behind the entry in the same transaction, for good', async () => {
    const [subject] = await register([{ type: 'MEDICAL_INSTITUTION', name: '天津市修复测试医院', creditCode: codes[3], regionCode: '120101', agreementSignedOn: '2015-01-01' }]);
    const [fraud] = await record([
      { sourceRef: 'art40-repair', creditCode: codes[3], type: 'PENALTY_ART40', legalBasis: '条例第40条', decisionNo: '津医保罚〔2026〕140号', fineFen: 5_000_000, amountInvolvedFen: 1_000_000, fineMultiple: 5 },
    ]);
    await rescoreRun(subject);
    const entry = await severeEntry(subject);
    await api.app.get(ListLifecycleService).confirm(entry.entry_id, 'reg', new Date(Date.now() + 30 * DAY));
    const before = (await changes(0)).lastSeq;

    const later = new Date(Date.now() + 400 * DAY);
    const repair = api.app.get(CreditRepairService);
    const application = await repair.apply(entry.entry_id, { appliedOn: shanghaiDate(later), penaltyPerformed: true, moneyReturned: true, publicCommitment: true }, 'reg', later);
    await repair.decide(application.id, true, '修复条件均已满足', 'reg', later);

    const feed = await changes(before);
    expect(feed.changes).toEqual([expect.objectContaining({ op: 'WITHDRAW', withdrawalReason: 'REPAIRED', record: expect.objectContaining({ recordId: `PE${fraud.padStart(12, '0')}`, BZ: '撤回：信用修复' }) })]);
    // Barred for good: the next run does not bring it back.
    await rescoreRun(subject);
    expect((await changes(feed.lastSeq)).changes).toEqual([]);
  });

  it('repairing a "penalty not carried out" entry withdraws the penalty decision it names (same decision number)', async () => {
    const [subject] = await register([{ type: 'PHARMACY', name: '天津市未履行测试药房', creditCode: codes[4], regionCode: '120101', agreementSignedOn: '2015-01-01' }]);
    const [penalty] = await record([
      { sourceRef: 'art39-unpaid', creditCode: codes[4], type: 'PENALTY_ART39', legalBasis: '条例第39条', decisionNo: '津医保罚〔2026〕239号', fineFen: 1_500_000 },
      { sourceRef: 'unpaid', creditCode: codes[4], type: 'PENALTY_NOT_PERFORMED', legalBasis: '行政处罚法第72条', decisionNo: '津医保罚〔2026〕239号' },
    ]);
    await rescoreRun(subject);
    const entry = await severeEntry(subject);
    await api.app.get(ListLifecycleService).confirm(entry.entry_id, 'reg', new Date(Date.now() + 30 * DAY));
    const before = (await changes(0)).lastSeq;
    const later = new Date(Date.now() + 400 * DAY);
    const repair = api.app.get(CreditRepairService);
    const application = await repair.apply(entry.entry_id, { appliedOn: shanghaiDate(later), penaltyPerformed: true, moneyReturned: true, publicCommitment: true }, 'reg', later);
    await repair.decide(application.id, true, '罚款已缴清', 'reg', later);
    expect((await changes(before)).changes).toEqual([
      expect.objectContaining({ op: 'WITHDRAW', withdrawalReason: 'REPAIRED', record: expect.objectContaining({ recordId: `PE${penalty.padStart(12, '0')}`, CF_WSH: '津医保罚〔2026〕239号' }) }),
    ]);
    await rescoreRun(subject);
    expect((await changes(before)).changes).toHaveLength(1);
  });

  it('the daily job withdraws a decision the day after its publication period (公示期满)', async () => {
    const before = (await changes(0)).lastSeq;
    const { changes: n } = await api.app.get(PenaltyExportService).runDaily(new Date(Date.now() + 370 * DAY));
    expect(n).toBeGreaterThanOrEqual(1);
    const feed = await changes(before);
    // The general decisions (Art.38, Art.39: 1 year) leave; the severe one (insured fraud: 3 years) stays.
    expect(feed.changes.map((c) => [c.op, c.withdrawalReason, c.record.CF_WSH, c.record.BZ]).sort()).toEqual([
      ['WITHDRAW', 'EXPIRED', '津医保罚〔2026〕38号', '撤回：公示期满'],
      ['WITHDRAW', 'EXPIRED', '津医保罚〔2026〕39号', '撤回：公示期满'],
    ]);
    expect(lines((await snapshot()).body).map((l) => l.CF_WSH)).toEqual(['津医保罚〔2026〕41号']);
  });

  it('is for the NDRC role only, and pages changes with limit', async () => {
    const regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'reg', 'test')).secret;
    expect((await request(api.app.getHttpServer()).get('/feeds/penalties/snapshot').set('authorization', `Bearer ${regulator}`)).status).toBe(403);
    expect((await request(api.app.getHttpServer()).get('/feeds/penalties/changes')).status).toBe(401);
    const page = await changes(0, 2);
    expect(page.changes.map((c) => c.seq)).toEqual([1, 2]);
    expect(page.lastSeq).toBe(2);
    expect((await request(api.app.getHttpServer()).get('/feeds/penalties/changes?limit=0').set('authorization', `Bearer ${ndrc}`)).status).toBe(400);
  });
});

describe('the G2G share and the date format (configuration)', () => {
  let g2g: TestApi;
  beforeAll(async () => {
    Object.assign(process.env, { EXPORT_G2G_FULL_RESIDENT_ID: 'true', EXPORT_DATE_FORMAT: 'YYYY/MM/DD' });
    g2g = await startApi();
  });
  afterAll(async () => {
    delete process.env.EXPORT_G2G_FULL_RESIDENT_ID;
    delete process.env.EXPORT_DATE_FORMAT;
    await g2g.close();
  });

  it('shows the full resident ID only with the switch on, audits each such export, and stamps that body separately', async () => {
    const masked = await snapshot();
    const res = await request(g2g.app.getHttpServer()).get('/feeds/penalties/snapshot').set('authorization', `Bearer ${ndrc}`).buffer(true).parse(text);
    expect(res.status).toBe(200);
    const person = lines(res.body as string).find((l) => l.CF_XDR_LB === '自然人')!;
    expect(person.CF_XDR_ZJHM).toBe(adultId);
    expect(person.CF_JDRQ).toBe(decidedOn.replace(/-/g, '/'));
    expect(res.headers['x-content-sha256']).toBe(sha256(res.body as string));
    expect(res.headers['x-content-sha256']).not.toBe(masked.sha256);
    expect(res.headers['x-list-seq']).toBe(String(masked.seq));

    const changesRes = await request(g2g.app.getHttpServer()).get('/feeds/penalties/changes?since=0').set('authorization', `Bearer ${ndrc}`).buffer(true).parse(text);
    expect(changesRes.status).toBe(200);
    expect(changesRes.body as string).toContain(adultId);

    const audited = await api.dataSource.query(`SELECT actor, action, target_id FROM audit_log WHERE action LIKE 'exports.penalties.g2g.%' ORDER BY seq`);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['exports.penalties.g2g.snapshot', 'exports.penalties.g2g.changes']);
    expect(audited[0].actor).toMatch(/^apikey:/);
    expect(audited[0].target_id).toBe('snapshot'); // audited before the download's transaction opens
    // The masked feed is untouched by the other deployment's setting.
    expect(containsResidentIdPattern((await snapshot()).body)).toBe(false);
  });
});

/** RFC 8785 key order for these flat string records (ASCII keys): sorted. */
function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
