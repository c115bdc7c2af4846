import { ApiKeysService, Role } from '@app/auth';
import { AppConfig, loadConfig } from '@app/config';
import { addDays, containsResidentIdPattern, DisclosureKind, makeCreditCode, makeResidentId, shanghaiDate } from '@app/credit';
import { DisclosureReader, DisclosureService, xmlEscape } from '@app/disclosures';
import { PenaltyExportService } from '@app/exports';
import { ListsRefreshService } from '@app/lists';
import { QUEUES, redisOptions, SCHEDULES } from '@app/queue';
import { FullRescoreService, RescoreService } from '@app/ratings';
import { EventCorrectionsService, EventsService, SubjectsService } from '@app/registry';
import { ConnectionOptions, Job, Queue } from 'bullmq';
import request from 'supertest';
import { DisclosureJobData, DisclosuresProcessor } from '../../apps/worker/src/disclosures/disclosures.processor';
import { RescoreProcessor } from '../../apps/worker/src/ratings/rescore.processor';
import { startApi, TestApi } from '../support/api-app';
import { waitFor } from '../support/wait-for';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { cli } from '../support/cli';
import { resetDatabase } from '../support/database';
import { phoneNumberIn } from '../support/phone-pattern';

const AUTHORITY = '天津市医疗保障局';
let api: TestApi;
let regulator: string;
let jobs: DisclosuresProcessor;
let rescore: RescoreProcessor;
let service: DisclosureService;
const saved = { ...process.env };
const today = shanghaiDate(new Date());
const decidedOn = addDays(today, -21);
const period = decidedOn.slice(0, 7);
const codes = Array.from({ length: 6 }, (_, i) => makeCreditCode(`1212000088${String(i).padStart(7, '0')}`));
const adultId = makeResidentId('12010119800101123');
const minorId = makeResidentId(`120101${Number(today.slice(0, 4)) - 12}0101456`);

beforeAll(async () => {
  Object.assign(process.env, { DISCLOSURE_AUTO_PUBLISH: 'PENALTY_NOTICE', DISCLOSURE_CACHE_MAX_AGE: '60' });
  api = await startApi();
  await resetDatabase(api.dataSource);
  regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'bureau', 'test')).secret;
  service = api.app.get(DisclosureService);
  jobs = new DisclosuresProcessor(service);
  rescore = new RescoreProcessor(api.dataSource, api.app.get(RescoreService), api.app.get(FullRescoreService), api.app.get(ListsRefreshService), api.app.get(PenaltyExportService), service);
});
afterAll(async () => {
  process.env = saved;
  await api.close();
});

const runJob = (data: DisclosureJobData) => jobs.generate({ data, timestamp: Date.now() } as Job<DisclosureJobData>);
const rescoreRun = (subjectId: string) => rescore.rescore({ data: { subjectId }, timestamp: Date.now() } as Job<{ subjectId: string }>);
const http = () => request(api.app.getHttpServer());

async function register(items: Record<string, unknown>[]): Promise<string[]> {
  return (await api.app.get(SubjectsService).register(items, 'test')).map((s) => s.id);
}
async function record(items: Record<string, unknown>[]): Promise<string[]> {
  const result = await api.app.get(EventsService).record(
    items.map((e) => ({ sourceSystem: 'DISCLOSURE-TEST', authority: AUTHORITY, regionCode: '120101', occurredOn: addDays(decidedOn, -30), decidedOn, ...e })),
    'test',
  );
  return result.events.map((e) => e.id);
}
const published = async (kind: string) =>
  (await api.dataSource.query(`SELECT id, version FROM disclosures WHERE kind = ? AND period = ? AND status = 'PUBLISHED'`, [kind, period])) as { id: string; version: number }[];

let hospital: string;
let fraudEvent: string;
let noticeId: string;

describe('disclosures', () => {
  it('the scheduled job run twice for a period gives one published disclosure; a revoked decision is withdrawn with a notice after the next run', async () => {
    [hospital] = await register([
      { type: 'MEDICAL_INSTITUTION', name: '天津市第二测试医院', creditCode: codes[0], regionCode: '120101', agreementSignedOn: '2015-01-01' },
      { type: 'INSURED_PERSON', name: '李四光', residentId: adultId, regionCode: '120101' },
      { type: 'INSURED_PERSON', name: '王小明', residentId: minorId, regionCode: '120101' },
    ]);
    [fraudEvent] = await record([
      { sourceRef: 'art40', creditCode: codes[0], type: 'PENALTY_ART40', legalBasis: '条例第40条', decisionNo: '津医保罚〔2026〕40号', fineFen: 254100, amountInvolvedFen: 84700, fineMultiple: 3 },
      { sourceRef: 'adult', residentId: adultId, type: 'INSURED_FRAUD', legalBasis: '条例第41条', decisionNo: '津医保罚〔2026〕41号', fineFen: 50000, amountInvolvedFen: 25000 },
      { sourceRef: 'minor', residentId: minorId, type: 'INSURED_FRAUD', legalBasis: '条例第41条', decisionNo: '津医保罚〔2026〕42号', fineFen: 50000, amountInvolvedFen: 25000 },
      { sourceRef: 'talk', creditCode: codes[0], type: 'INTERVIEW', decisionNo: '津医保约〔2026〕1号' },
    ]);

    const first = await runJob({ kind: DisclosureKind.PENALTY_NOTICE, period });
    const second = await runJob({ kind: DisclosureKind.PENALTY_NOTICE, period });
    expect(first).toMatchObject({ status: 'PUBLISHED', version: 1, created: true });
    expect(second).toEqual({ ...first, created: false });
    expect(await published('PENALTY_NOTICE')).toHaveLength(1);
    noticeId = first.id;

    const before = await http().get(`/public/disclosures/${noticeId}`).expect(200);
    const items = before.body.items as { key: string; fields: Record<string, string> }[];
    // The institution in full, the adult as 张某-style, the minor and the interview never.
    expect(items.map((i) => i.fields.行政相对人).sort()).toEqual([`天津市第二测试医院（${codes[0]}）`, '李某（参保人）'].sort());
    expect(items.find((i) => i.key === `PN-${fraudEvent}`)!.fields).toMatchObject({ 处罚内容: '罚款2541元', 决定书文号: '津医保罚〔2026〕40号', 决定日期: decidedOn });
    expect(before.body).toMatchObject({ kind: 'PENALTY_NOTICE', title: '行政处罚信息公示', period, status: 'PUBLISHED', version: 1 });
    expect(before.body.contentHash).toMatch(/^[0-9a-f]{64}$/);

    await api.app.get(EventCorrectionsService).revoke(fraudEvent, '经行政复议撤销', 'test');
    await rescoreRun(hospital);

    const after = await http().get(`/public/disclosures/${noticeId}`).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const notice = (after.body.items as Record<string, unknown>[]).find((i) => i.key === `PN-${fraudEvent}`);
    expect(notice).toEqual({ key: `PN-${fraudEvent}`, notice: '撤回公告', withdrawn: true, withdrawnOn: today, reason: '经行政复议撤销', text: expect.stringContaining('经行政复议撤销') });
    expect(after.body.contentHash).toBe(before.body.contentHash); // the snapshot itself is immutable
    // The view of the old stamp is gone from this replica's cache, not kept beside the new one.
    expect(api.app.get(DisclosureReader).cachedViewsOf(noticeId)).toBe(1);
    // A second run changes nothing more.
    expect(await service.refreshSubjects([hospital])).toBe(0);

    // The next scheduled run sees the changed content: a new version supersedes the old with a correction note; still one published.
    const third = await runJob({ kind: DisclosureKind.PENALTY_NOTICE, period });
    expect(third).toMatchObject({ version: 2, status: 'PUBLISHED', created: true });
    expect(await published('PENALTY_NOTICE')).toEqual([{ id: third.id, version: 2 }]);
    const corrected = await http().get(`/public/disclosures/${third.id}`).expect(200);
    expect(corrected.body.correctionNote).toMatch(/^更正说明：.*第1版/);
    expect(corrected.body.items).toHaveLength(1);
    await http().get(`/public/disclosures/${noticeId}`).expect(404); // superseded: no longer public
    noticeId = third.id;
  });

  it('concurrent first runs of one kind and period make one version', async () => {
    const runs = await Promise.all(Array.from({ length: 4 }, () => service.generate(DisclosureKind.LIST_PUBLICATION, '2025-01', null, 'test')));
    expect(new Set(runs.map((r) => r.disclosure.id)).size).toBe(1);
    expect(runs.filter((r) => r.created)).toHaveLength(1);
    const both = await Promise.allSettled([service.publish(runs[0].disclosure.id, 'a'), service.publish(runs[0].disclosure.id, 'b')]);
    expect(both.map((b) => b.status)).toEqual(['fulfilled', 'fulfilled']);
    const rows = await api.dataSource.query(`SELECT status FROM disclosures WHERE kind = 'LIST_PUBLICATION' AND period = '2025-01'`);
    expect(rows).toEqual([{ status: 'PUBLISHED' }]);
    await service.withdraw(runs[0].disclosure.id, '测试', 'test');
  });

  it('strong ETag, Cache-Control and 304 on If-None-Match', async () => {
    const res = await http().get(`/public/disclosures/${noticeId}`).expect(200);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    await http().get(`/public/disclosures/${noticeId}`).set('if-none-match', res.headers.etag).expect(304);
    const list = await http().get('/public/disclosures?kind=PENALTY_NOTICE').expect(200);
    await http().get('/public/disclosures?kind=PENALTY_NOTICE').set('if-none-match', list.headers.etag).expect(304);
    await http().get('/public/disclosures/999999').expect(404);
  });

  it('drafts are for regulators only; periods are checked against the kind', async () => {
    const gen = await api.gql(`mutation { generateDisclosure(kind: TERMINATED_INSTITUTIONS, period: "${period}") { id status version } }`, {}, regulator).expect(200);
    const draft = gen.body.data.generateDisclosure;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1 });
    const q = `{ disclosure(id: "${draft.id}") { id status content } }`;
    expect((await api.gql(q, {})).body.data.disclosure).toBeNull();
    expect((await api.gql(q, {}, regulator)).body.data.disclosure).toMatchObject({ id: draft.id, status: 'DRAFT' });
    const bad = await api.gql('mutation { generateDisclosure(kind: TYPICAL_CASES, period: "2026-10") { id } }', {}, regulator);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period', reason: 'PERIOD_CADENCE' });
    const pub = (await api.gql('{ disclosures(kind: TERMINATED_INSTITUTIONS) { nodes { id } } }', {})).body.data.disclosures.nodes;
    expect(pub).toEqual([]);
  });

  it('concurrent readers during a publish see the old or the new version, never a mix; a publish whose connection dies changes nothing', async () => {
    const [h2, h3, h4] = await register([2, 3, 4].map((i) => ({ type: 'MEDICAL_INSTITUTION', name: `天津市第${i}号测试医院`, creditCode: codes[i], regionCode: '120101' })));
    await record([{ sourceRef: 'term-2', subjectId: h2, type: 'AGREEMENT_TERMINATED', decisionNo: '津医保协〔2026〕2号', legalBasis: '服务协议' }]);
    const v1 = await service.generate(DisclosureKind.TERMINATED_INSTITUTIONS, period, null, 'test');
    expect(v1.created).toBe(true);
    await service.publish(v1.disclosure.id, 'test');
    await record([{ sourceRef: 'term-3', subjectId: h3, type: 'AGREEMENT_TERMINATED', decisionNo: '津医保协〔2026〕3号', legalBasis: '服务协议' }]);
    const v2 = (await service.generate(DisclosureKind.TERMINATED_INSTITUTIONS, period, null, 'test')).disclosure;
    const expected = new Map([
      [v1.disclosure.version, v1.disclosure.contentHash],
      [v2.version, v2.contentHash],
    ]);
    const itemCounts = new Map([
      [v1.disclosure.version, 1],
      [v2.version, 2],
    ]);

    let publishing = true;
    const seen = new Set<number>();
    const reader = async () => {
      let reads = 0;
      while (publishing || reads < 3) {
        const res = await http().get(`/public/disclosures?kind=TERMINATED_INSTITUTIONS&period=${period}`).expect(200);
        const nodes = res.body.nodes as { id: string; version: number; contentHash: string; itemCount: number }[];
        expect(nodes).toHaveLength(1);
        expect(expected.get(nodes[0].version)).toBe(nodes[0].contentHash);
        expect(nodes[0].itemCount).toBe(itemCounts.get(nodes[0].version));
        const rows: { n: string | number }[] = await api.dataSource.query(`SELECT COUNT(*) AS n FROM disclosures WHERE kind = 'TERMINATED_INSTITUTIONS' AND status = 'PUBLISHED'`);
        expect(Number(rows[0].n)).toBe(1);
        seen.add(nodes[0].version);
        reads++;
      }
    };
    const readers = Array.from({ length: 6 }, reader);
    await new Promise((r) => setTimeout(r, 30));
    await service.publish(v2.id, 'test');
    publishing = false;
    await Promise.all(readers);
    expect(seen.has(v2.version)).toBe(true);
    const superseded = await api.dataSource.query('SELECT status FROM disclosures WHERE id = ?', [v1.disclosure.id]);
    expect(superseded[0].status).toBe('SUPERSEDED');

    // R3's transactional argument: a publish whose connection dies before COMMIT leaves the published version as it was.
    await record([{ sourceRef: 'term-4', subjectId: h4, type: 'AGREEMENT_TERMINATED', decisionNo: '津医保协〔2026〕4号', legalBasis: '服务协议' }]);
    const v3 = (await service.generate(DisclosureKind.TERMINATED_INSTITUTIONS, period, null, 'test')).disclosure;
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [{ cid }] = await runner.query('SELECT CONNECTION_ID() AS cid');
    await runner.query(`UPDATE disclosures SET status = 'SUPERSEDED', published_key = NULL WHERE id = ?`, [v2.id]);
    await runner.query(`UPDATE disclosures SET status = 'PUBLISHED', published_key = 'x' WHERE id = ?`, [v3.id]);
    await api.dataSource.query(`KILL ${Number(cid)}`);
    await expect(runner.commitTransaction()).rejects.toThrow();
    await runner.release().catch(() => undefined);
    const after = await http().get(`/public/disclosures?kind=TERMINATED_INSTITUTIONS&period=${period}`).expect(200);
    expect(after.body.nodes.map((n: { id: string }) => n.id)).toEqual([v2.id]);
    // The publish retried completes once.
    await service.publish(v3.id, 'test');
    await service.publish(v3.id, 'test');
    const final = await http().get(`/public/disclosures?kind=TERMINATED_INSTITUTIONS&period=${period}`).expect(200);
    expect(final.body.nodes.map((n: { version: number }) => n.version)).toEqual([v3.version]);
  });

  it('the other kinds build from stored data', async () => {
    const quarter = `${decidedOn.slice(0, 4)}-Q${Math.floor((Number(decidedOn.slice(5, 7)) - 1) / 3) + 1}`;
    const half = `${decidedOn.slice(0, 4)}-H${Number(decidedOn.slice(5, 7)) <= 6 ? 1 : 2}`;
    const cases = await service.generate(DisclosureKind.TYPICAL_CASES, quarter, null, 'test');
    await service.publish(cases.disclosure.id, 'test');
    const summary = await service.generate(DisclosureKind.SUPERVISION_SUMMARY, half, '120000', 'test');
    await service.publish(summary.disclosure.id, 'test');
    const lists = await service.generate(DisclosureKind.LIST_PUBLICATION, period, null, 'test');
    await service.publish(lists.disclosure.id, 'test');
    const s = await http().get(`/public/disclosures/${summary.disclosure.id}`).expect(200);
    expect(s.body.regionCode).toBe('120000');
    expect(s.body.items[0].fields).toMatchObject({ 地区: '120101' });
    const tc = await http().get(`/public/disclosures/${cases.disclosure.id}`).expect(200);
    expect(tc.body.title).toBe('典型案例曝光');
  });

  it("SUPERVISION_SUMMARY counts the grades in force at the period's end, not today's", async () => {
    // Every rating of this database was computed today. The previous half-year ended before any of them, so its
    // summary counts no grade, though it has a region line (an interview decided then) and subjects are rated now.
    const year = Number(today.slice(0, 4));
    const inFirstHalf = Number(today.slice(5, 7)) <= 6;
    const current = `${year}-H${inFirstHalf ? 1 : 2}`;
    const previous = inFirstHalf ? `${year - 1}-H2` : `${year}-H1`;
    const previousDay = inFirstHalf ? `${year - 1}-12-10` : `${year}-06-10`;
    const [h5] = await register([{ type: 'MEDICAL_INSTITUTION', name: '天津市第五测试医院', creditCode: codes[5], regionCode: '120101', agreementSignedOn: '2015-01-01' }]);
    await record([{ sourceRef: 'summary-talk', subjectId: h5, type: 'INTERVIEW', decisionNo: '津医保约〔2026〕5号', occurredOn: addDays(previousDay, -5), decidedOn: previousDay }]);
    await rescoreRun(h5);
    const now: { grade: string; n: string | number }[] = await api.dataSource.query(
      `SELECT r.grade, COUNT(*) AS n FROM ratings r JOIN subjects s ON s.id = r.subject_id WHERE s.region_code = '120101' AND r.grade IS NOT NULL GROUP BY r.grade ORDER BY r.grade`,
    );
    expect(now.length).toBeGreaterThan(0);

    const gradesOf = async (half: string) => {
      const { disclosure } = await service.generate(DisclosureKind.SUPERVISION_SUMMARY, half, '120000', 'test');
      await service.publish(disclosure.id, 'test');
      const body = (await http().get(`/public/disclosures/${disclosure.id}`).expect(200)).body as { items: { fields: Record<string, unknown> }[] };
      const line = body.items.find((i) => i.fields.地区 === '120101');
      expect(line).toBeDefined();
      return line!.fields.信用等级分布;
    };
    expect(await gradesOf(current)).toEqual(now.map((g) => ({ 等级: g.grade, 数量: Number(g.n) })));
    expect(await gradesOf(previous)).toEqual([]);
    // Rated again later (here: at once), the past half-year's content is the same: no new version.
    await rescoreRun(h5);
    expect((await service.generate(DisclosureKind.SUPERVISION_SUMMARY, previous, '120000', 'test')).created).toBe(false);
  });

  it('no public output carries a resident ID, a phone number or a full personal name (GraphQL, JSON, Atom, CSV)', async () => {
    const bodies: string[] = [];
    const gql = await api.gql('{ disclosures(first: 100) { nodes { id kind period content } } }', {}).expect(200);
    bodies.push(JSON.stringify(gql.body));
    const list = await http().get('/public/disclosures?first=100').expect(200);
    bodies.push(list.text);
    for (const n of list.body.nodes as { id: string }[]) {
      bodies.push((await http().get(`/public/disclosures/${n.id}`).expect(200)).text);
      const csv = await http().get(`/public/disclosures/${n.id}/items.csv`).expect(200).buffer(true).parse((res, done) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => done(null, data));
      });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect((csv.body as string).startsWith('\uFEFF')).toBe(true);
      bodies.push(csv.body as string);
    }
    const atom = await http().get('/public/feed.atom').expect(200);
    bodies.push(atom.text);
    expect(list.body.nodes.length).toBeGreaterThanOrEqual(5);
    for (const body of bodies) {
      // An institution's unified credit code may be 18 digits; anything else of that shape is a defect.
      expect(containsResidentIdPattern(body.split(/[^0-9A-Za-z]+/).filter((t) => !codes.includes(t)).join(' '))).toBe(false);
      expect(body).not.toContain(adultId);
      expect(body).not.toContain(minorId);
      expect(phoneNumberIn(body)).toBeNull();
      expect(body).not.toContain('李四光');
      expect(body).not.toContain('王小明');
      expect(body).not.toContain(adultId.slice(0, 6) + '*');
    }
  });

  it('the cache stays right across replicas (the key carries the row stamp); expired disclosures leave the public view by date alone', async () => {
    const config = api.app.get(AppConfig);
    const replicaA = new DisclosureReader(api.dataSource, config);
    const replicaB = new DisclosureReader(api.dataSource, config);
    const [row] = await api.dataSource.query(`SELECT id FROM disclosures WHERE kind = 'LIST_PUBLICATION' AND status = 'PUBLISHED'`);
    const id = String(row.id);
    const a1 = await replicaA.one(id);
    expect(await replicaA.one(id)).toBe(a1); // served from A's cache
    expect(await replicaB.one(id)).not.toBeNull();
    // Withdrawn through "another replica" (the service, not these readers): both see it at once.
    await service.withdraw(id, '信息有误', 'test');
    expect(await replicaA.one(id)).toBeNull();
    expect(await replicaB.one(id)).toBeNull();
    expect((await replicaA.one(id, { all: true }))!.view).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: '信息有误' });

    // Termination items are public for one year: two years on, the disclosure is gone from every public read.
    const [term] = await api.dataSource.query(`SELECT id FROM disclosures WHERE kind = 'TERMINATED_INSTITUTIONS' AND status = 'PUBLISHED'`);
    const later = new Date(Date.now() + 2 * 366 * 24 * 3600 * 1000);
    expect(await replicaA.one(String(term.id))).not.toBeNull();
    expect(await replicaA.one(String(term.id), {}, later)).toBeNull();
    expect((await replicaA.page({ kind: DisclosureKind.TERMINATED_INSTITUTIONS }, later)).nodes).toEqual([]);
    // The severe fraud notice stays (3 years).
    expect((await replicaA.one(noticeId, {}, later))!.view.items).toHaveLength(1);
  });

  it('the Atom feed: well-formed, one entry per published disclosure, escaped', async () => {
    const res = await http().get('/public/feed.atom').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const xml = res.text;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(wellFormed(xml)).toBe(true);
    const count = (await api.dataSource.query(`SELECT COUNT(*) AS n FROM disclosures WHERE status = 'PUBLISHED'`))[0].n;
    expect(xml.match(/<entry>/g)).toHaveLength(Number(count));
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xmlEscape(`<a href="x">&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('schedules:register twice leaves one scheduler per disclosure kind; an operator queues a run by its business key', async () => {
    expect(cli('schedules:register').status).toBe(0);
    expect(cli('schedules:register').status).toBe(0);
    const config = loadConfig();
    const queue = new Queue(QUEUES.disclosures, { connection: redisOptions(config, 'producer') as ConnectionOptions, prefix: config.redis.prefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      const ids = schedulers.map((s) => s.key).sort();
      const expected = SCHEDULES.filter((s) => s.job.queue === QUEUES.disclosures).map((s) => s.id).sort();
      expect(ids).toEqual(expected);
      expect(expected).toHaveLength(6);
      const summary = schedulers.find((s) => s.key === 'disclosure-supervision-summary-half-yearly')!;
      expect(summary).toMatchObject({ pattern: '40 2 1 1,7 *', tz: 'Asia/Shanghai' });
      // An operator's run: the deterministic job id from the business key; queued twice, one job.
      await queue.obliterate({ force: true });
      expect(cli('disclosure:queue', '--kind', 'PENALTY_NOTICE', '--period', period).stdout).toContain(`queued disclosure:PENALTY_NOTICE:${period}`);
      expect(cli('disclosure:queue', '--kind', 'PENALTY_NOTICE', '--period', period).status).toBe(0);
      const waiting = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
      expect(waiting.filter((j) => j.name === 'disclosure-generate').map((j) => j.id)).toEqual([`disclosure:PENALTY_NOTICE:${period}`]);
      expect(waiting.find((j) => j.id === `disclosure:PENALTY_NOTICE:${period}`)!.data).toEqual({ kind: 'PENALTY_NOTICE', period, regionCode: null });
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  });

  it('the worker runs a queued disclosure job through BullMQ (the same service; auto-published kind)', async () => {
    const config = loadConfig();
    const queue = new Queue(QUEUES.disclosures, { connection: redisOptions(config, 'producer') as ConnectionOptions, prefix: config.redis.prefix });
    await queue.obliterate({ force: true });
    const ref = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    const worker = ref.createNestApplication({ logger: false });
    await worker.init();
    try {
      expect(cli('disclosure:queue', '--kind', 'PENALTY_NOTICE', '--period', '2025-02').status).toBe(0);
      // Drafted, then published by the same run (DISCLOSURE_AUTO_PUBLISH); a draft is never public in between.
      const row = await waitFor(async () => (await api.dataSource.query(`SELECT status, version FROM disclosures WHERE kind = 'PENALTY_NOTICE' AND period = '2025-02' AND status = 'PUBLISHED'`))[0], 30_000);
      expect(row).toEqual({ status: 'PUBLISHED', version: 1 });
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

/** A minimal well-formedness check: every start tag closed in order, entities only the predefined ones. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(body)) return false;
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<') return false;
    if (m[0] === '>') continue;
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}
