import { addDays, DisclosureKind, makeCreditCode, shanghaiDate } from '@app/credit';
import { DisclosureReader, DisclosureService, REPAIRED_LIST_REASON, REPAIRED_PENALTY_REASON } from '@app/disclosures';
import { PenaltyExportService } from '@app/exports';
import { CreditRepairService, ListLifecycleService, ListsRefreshService } from '@app/lists';
import { FullRescoreService, RescoreService } from '@app/ratings';
import { EventsService, SubjectsService } from '@app/registry';
import { Job } from 'bullmq';
import { RescoreProcessor } from '../../apps/worker/src/ratings/rescore.processor';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';

/**
 * Credit repair on the public site (domain.md §5–6): the approval takes the repaired entry off the published list
 * (LIST_PUBLICATION) and ends the publication of the decision behind it (PENALTY_NOTICE), each as a 撤回公告 with
 * the reason, in the approval's transaction; later versions leave both out.
 */
const DAY = 86_400_000;
const AUTHORITY = '河北省医疗保障局';
const today = shanghaiDate(new Date());
const decidedOn = addDays(today, -21);
const penaltyPeriod = decidedOn.slice(0, 7);
const code = makeCreditCode('13100000660000001');
const other = makeCreditCode('13100000660000002');
const saved = { ...process.env };
let api: TestApi;
let processor: RescoreProcessor;

beforeAll(async () => {
  Object.assign(process.env, { DISCLOSURE_AUTO_PUBLISH: '' });
  api = await startApi();
  await resetDatabase(api.dataSource);
  processor = new RescoreProcessor(api.dataSource, api.app.get(RescoreService), api.app.get(FullRescoreService), api.app.get(ListsRefreshService), api.app.get(PenaltyExportService), api.app.get(DisclosureService));
});
afterAll(async () => {
  process.env = saved;
  await api.close();
});

const rescoreRun = (subjectId: string) => processor.rescore({ data: { subjectId }, timestamp: Date.now() } as Job<{ subjectId: string }>);
type Item = { key: string; withdrawn?: boolean; notice?: string; reason?: string; withdrawnOn?: string };

async function publishNew(kind: DisclosureKind, period: string, now: Date): Promise<string> {
  const service = api.app.get(DisclosureService);
  const { disclosure, created } = await service.generate(kind, period, null, 'test', now);
  expect(created).toBe(true);
  await service.publish(disclosure.id, 'test', now);
  return disclosure.id;
}

describe('credit repair and the public disclosures', () => {
  it('an approved repair withdraws the entry from the published list and the decision from the penalty notice; later versions leave both out', async () => {
    const [hospital, bystander] = (
      await api.app.get(SubjectsService).register(
        [
          { type: 'MEDICAL_INSTITUTION', name: '河北省修复测试医院', creditCode: code, regionCode: '130102', agreementSignedOn: '2015-01-01' },
          { type: 'MEDICAL_INSTITUTION', name: '河北省旁观测试医院', creditCode: other, regionCode: '130102', agreementSignedOn: '2015-01-01' },
        ],
        'test',
      )
    ).map((s) => s.id);
    const base = { sourceSystem: 'REPAIR-TEST', authority: AUTHORITY, regionCode: '130102', occurredOn: addDays(decidedOn, -30), decidedOn, legalBasis: '条例第40条', fineMultiple: 5 };
    const [fraud, unrelated] = (
      await api.app.get(EventsService).record(
        [
          { ...base, sourceRef: 'art40', creditCode: code, type: 'PENALTY_ART40', decisionNo: '冀医保罚〔2026〕40号', fineFen: 5_000_000, amountInvolvedFen: 1_000_000 },
          { ...base, sourceRef: 'other', creditCode: other, type: 'PENALTY_ART40', decisionNo: '冀医保罚〔2026〕41号', fineFen: 3_000_000, amountInvolvedFen: 600_000 },
        ],
        'test',
      )
    ).events.map((e) => e.id);
    await rescoreRun(hospital);
    await rescoreRun(bystander);
    const entries: { entry_id: string; subject_id: string }[] = await api.dataSource.query(`SELECT entry_id, subject_id FROM list_entries WHERE list = 'SEVERE_DISHONESTY' AND subject_id IN (?, ?)`, [hospital, bystander]);
    expect(entries).toHaveLength(2);
    const confirmedAt = new Date(Date.now() + 30 * DAY);
    for (const e of entries) await api.app.get(ListLifecycleService).confirm(e.entry_id, 'reg', confirmedAt);
    const entryId = entries.find((e) => String(e.subject_id) === hospital)!.entry_id;

    // On the public site: the penalty notice of the decisions' month, and the list publication of a month after the confirmation.
    const later = new Date(Date.now() + 400 * DAY);
    const listPeriod = shanghaiDate(later).slice(0, 7);
    const notice = await publishNew(DisclosureKind.PENALTY_NOTICE, penaltyPeriod, new Date());
    const list = await publishNew(DisclosureKind.LIST_PUBLICATION, listPeriod, later);
    const reader = api.app.get(DisclosureReader);
    const itemsOf = async (id: string) => (await reader.one(id, {}, later))!.view.items as unknown as Item[];
    expect((await itemsOf(notice)).map((i) => i.key).sort()).toEqual([`PN-${fraud}`, `PN-${unrelated}`].sort());
    expect((await itemsOf(list)).map((i) => i.key)).toContain(`LP-${entryId}`);
    const noticeEtag = (await reader.one(notice, {}, later))!.etag;

    const repair = api.app.get(CreditRepairService);
    const application = await repair.apply(entryId, { appliedOn: shanghaiDate(later), penaltyPerformed: true, moneyReturned: true, publicCommitment: true }, 'reg', later);
    await repair.decide(application.id, true, '修复条件均已满足', 'reg', later);

    // At once (no rescore run in between): both items are 撤回公告 with the reason, the bystander's stay.
    const withdrawnOn = shanghaiDate(later);
    const noticeItems = await itemsOf(notice);
    expect(noticeItems.find((i) => i.key === `PN-${fraud}`)).toMatchObject({ withdrawn: true, notice: '撤回公告', reason: REPAIRED_PENALTY_REASON, withdrawnOn });
    expect(noticeItems.find((i) => i.key === `PN-${unrelated}`)!.withdrawn).toBeFalsy();
    expect((await reader.one(notice, {}, later))!.etag).not.toBe(noticeEtag);
    const listItems = await itemsOf(list);
    expect(listItems.find((i) => i.key === `LP-${entryId}`)).toMatchObject({ withdrawn: true, notice: '撤回公告', reason: REPAIRED_LIST_REASON, withdrawnOn });
    expect(listItems.filter((i) => !i.withdrawn)).toHaveLength(listItems.length - 1);
    const audited: { n: number }[] = await api.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'disclosure.item.withdraw' AND diff LIKE '%信用修复%'`);
    expect(Number(audited[0].n)).toBe(2);

    // The next runs of both disclosures: new versions without the repaired entry and decision (not brought back).
    await rescoreRun(hospital);
    const service = api.app.get(DisclosureService);
    const nextNotice = await service.generate(DisclosureKind.PENALTY_NOTICE, penaltyPeriod, null, 'test', later);
    expect(nextNotice.created).toBe(true);
    expect(nextNotice.disclosure.content.items.map((i) => i.key)).toEqual([`PN-${unrelated}`]);
    const nextList = await service.generate(DisclosureKind.LIST_PUBLICATION, listPeriod, null, 'test', later);
    expect(nextList.created).toBe(true);
    expect(nextList.disclosure.content.items.map((i) => i.key)).not.toContain(`LP-${entryId}`);
  });

  it('a rejected application changes nothing on the public site', async () => {
    const [row] = await api.dataSource.query(`SELECT entry_id FROM list_entries WHERE list = 'SEVERE_DISHONESTY' AND status = 'ACTIVE'`);
    const before: unknown[] = await api.dataSource.query('SELECT disclosure_id, item_key, withdrawn_on FROM disclosure_items ORDER BY disclosure_id, item_key');
    const later = new Date(Date.now() + 400 * DAY);
    const repair = api.app.get(CreditRepairService);
    const application = await repair.apply(row.entry_id, { appliedOn: shanghaiDate(later), penaltyPerformed: true, moneyReturned: false, publicCommitment: true }, 'reg', later);
    await repair.decide(application.id, false, '退回资金未到账', 'reg', later);
    expect(await api.dataSource.query('SELECT disclosure_id, item_key, withdrawn_on FROM disclosure_items ORDER BY disclosure_id, item_key')).toEqual(before);
  });
});
