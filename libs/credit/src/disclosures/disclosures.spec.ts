import { EventStatus, EventType, Profession, SubjectType } from '../model';
import { containsResidentIdPattern, isMinorOn, maskPersonName } from '../identifiers';
import { penaltyExportRecord } from '../exports';
import {
  DisclosureEvent,
  DisclosureKind,
  DisclosureSubject,
  disclosureContent,
  listPublicationItem,
  parseAutoPublishKinds,
  parseDisclosurePeriod,
  penaltyNoticeItem,
  previousPeriod,
  publicItems,
  terminatedInstitutionItem,
  typicalCaseItems,
  withdrawalNotice,
  yuan,
  currentPeriod,
  DISCLOSURE_FIELD_ORDER,
  supervisionSummaryItem,
  DisclosureItem,
  PROFESSION_WORDS,
} from '.';

const settings = { authorityCodes: {}, dataSource: { name: '', code: '' } };
const ctx = { policeReferralDecisionNos: new Set<string>() };
const hospital: DisclosureSubject = { id: '1', type: SubjectType.MEDICAL_INSTITUTION, name: '天津某某医院', creditCode: '12120000401234567A', regionCode: '120101', profession: null, maskedResidentId: null, birthDate: null };
const person: DisclosureSubject = { id: '2', type: SubjectType.INSURED_PERSON, name: '张三丰', creditCode: null, regionCode: '120101', profession: null, maskedResidentId: '120101********1234', birthDate: '1980-05-01' };

function ev(o: Partial<DisclosureEvent> = {}): DisclosureEvent {
  return {
    id: '10', subjectId: '1', regionCode: '120101', inspectionKind: null, type: EventType.PENALTY_ART38, status: EventStatus.FINAL, decisionNo: '津医保罚〔2026〕12号',
    legalBasis: '条例第38条', authority: '天津市医疗保障局', decidedOn: '2026-10-10', fineFen: 254100, amountInvolvedFen: 127050, suspensionDays: null, ...o,
  };
}

describe('periods', () => {
  it.each([
    [DisclosureKind.PENALTY_NOTICE, '2026-10', '2026-10-01', '2026-10-31'],
    [DisclosureKind.PENALTY_NOTICE, '2028-02', '2028-02-01', '2028-02-29'],
    [DisclosureKind.TYPICAL_CASES, '2026-Q3', '2026-07-01', '2026-09-30'],
    [DisclosureKind.SUPERVISION_SUMMARY, '2026-H2', '2026-07-01', '2026-12-31'],
  ])('%s %s → %s..%s', (kind, label, from, to) => {
    expect(parseDisclosurePeriod(kind, label)).toEqual({ ok: true, period: expect.objectContaining({ from, to, label }) });
  });

  it('refuses a period of the wrong cadence or form', () => {
    expect(parseDisclosurePeriod(DisclosureKind.TYPICAL_CASES, '2026-10')).toMatchObject({ ok: false, reason: 'PERIOD_CADENCE' });
    expect(parseDisclosurePeriod(DisclosureKind.LIST_PUBLICATION, '2026-13')).toMatchObject({ ok: false, reason: 'INVALID_PERIOD' });
    expect(parseDisclosurePeriod(DisclosureKind.SUPERVISION_SUMMARY, '2026-H3')).toMatchObject({ ok: false, reason: 'INVALID_PERIOD' });
  });

  it('the previous whole period (a scheduled run on the 1st)', () => {
    expect(previousPeriod(DisclosureKind.PENALTY_NOTICE, '2026-11-01').label).toBe('2026-10');
    expect(previousPeriod(DisclosureKind.PENALTY_NOTICE, '2026-01-01').label).toBe('2025-12');
    expect(previousPeriod(DisclosureKind.TYPICAL_CASES, '2026-10-01').label).toBe('2026-Q3');
    expect(previousPeriod(DisclosureKind.TYPICAL_CASES, '2026-02-15').label).toBe('2025-Q4');
    expect(previousPeriod(DisclosureKind.SUPERVISION_SUMMARY, '2027-01-01')).toMatchObject({ label: '2026-H2', from: '2026-07-01', to: '2026-12-31' });
    expect(previousPeriod(DisclosureKind.SUPERVISION_SUMMARY, '2026-07-01').label).toBe('2026-H1');
  });

  it('the current period (the weekly penalty-notice run)', () => {
    expect(currentPeriod(DisclosureKind.PENALTY_NOTICE, '2026-12-15').label).toBe('2026-12');
    expect(currentPeriod(DisclosureKind.TYPICAL_CASES, '2026-12-31')).toMatchObject({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(currentPeriod(DisclosureKind.SUPERVISION_SUMMARY, '2026-01-01').label).toBe('2026-H1');
  });

  it('parses the auto-publish setting', () => {
    expect(parseAutoPublishKinds('PENALTY_NOTICE, LIST_PUBLICATION,')).toEqual([DisclosureKind.PENALTY_NOTICE, DisclosureKind.LIST_PUBLICATION]);
    expect(() => parseAutoPublishKinds('NOPE')).toThrow(/unknown/);
  });
});

describe('items', () => {
  it('amounts in yuan with two decimals from fen', () => {
    expect(yuan(254100)).toBe('2541.00');
    expect(yuan('1')).toBe('0.01');
    expect(yuan(254150)).toBe('2541.50');
  });

  it('a penalty notice of an institution in full, with the export publication end', () => {
    const item = penaltyNoticeItem(ev(), hospital, settings, ctx)!;
    expect(item.fields).toMatchObject({ 行政相对人: '天津某某医院（12120000401234567A）', 处罚内容: '罚款2541元', 决定日期: '2026-10-10', 公示截止日期: '2027-10-10' });
    expect(item.publicationEnd).toBe('2027-10-10');
  });

  it('a person as 张某 and role; a minor or unknown age never', () => {
    const item = penaltyNoticeItem(ev({ type: EventType.INSURED_FRAUD }), person, settings, ctx)!;
    expect(item.fields.行政相对人).toBe('张某（参保人）');
    expect(containsResidentIdPattern(JSON.stringify(item))).toBe(false);
    expect(item.publicationEnd).toBe('2029-10-10');
    expect(penaltyNoticeItem(ev({ type: EventType.INSURED_FRAUD }), { ...person, birthDate: '2010-01-01' }, settings, ctx)).toBeNull();
    expect(penaltyNoticeItem(ev({ type: EventType.INSURED_FRAUD }), { ...person, birthDate: null }, settings, ctx)).toBeNull();
  });

  it('no warning alone', () => {
    expect(penaltyNoticeItem(ev({ fineFen: null }), hospital, settings, ctx)).toBeNull();
  });

  it('typical cases: fraud, termination or a large amount, one item per decision number', () => {
    const events = [
      ev({ id: '1', type: EventType.PENALTY_ART40, amountInvolvedFen: 500000, fineFen: 1000000 }),
      ev({ id: '2', type: EventType.PAYMENT_DENIED, amountInvolvedFen: 500000, fineFen: null }),
      ev({ id: '3', decisionNo: 'small', amountInvolvedFen: 100 }),
      ev({ id: '4', decisionNo: 'old', type: EventType.PENALTY_ART40, decidedOn: '2026-01-01' }),
    ];
    const items = typicalCaseItems(events, hospital, '2026-10-01', '2026-12-31');
    expect(items).toHaveLength(1);
    expect(items[0].fields).toMatchObject({ 涉及金额: '5000.00', 追回情况: '已追回医保基金5000.00元', 协议处理: ['拒付费用'], 行政处理: ['罚款10000.00元'] });
    expect(typicalCaseItems(events, person, '2026-10-01', '2026-12-31')).toEqual([]);
  });

  it('terminated institutions: bar of 1 year, 3 for fraud', () => {
    const e = ev({ type: EventType.AGREEMENT_TERMINATED, fineFen: null });
    expect(terminatedInstitutionItem(e, hospital, { ...ctx, fraudDecisionNos: new Set() })!.fields.不得申请定点的期限).toBe('2027-10-09');
    expect(terminatedInstitutionItem(e, hospital, { ...ctx, fraudDecisionNos: new Set(['津医保罚〔2026〕12号']) })!.fields.不得申请定点的期限).toBe('2029-10-09');
  });

  it('list publication: a practitioner with profession', () => {
    const doctor = { ...person, type: SubjectType.PRACTITIONER, profession: Profession.PHYSICIAN };
    const item = listPublicationItem({ entryId: 'SD1', list: 'SEVERE_DISHONESTY', eventId: '9', reasonCode: 'PENALTY_ART40', legalBasis: 'x', effectiveFrom: '2026-10-01', plannedEnd: null }, doctor)!;
    expect(item.fields.主体).toBe('张某（医师）');
    expect(item.publicationEnd).toBe('2029-10-01');
  });
});

describe('public view', () => {
  it('leaves out expired items and replaces withdrawn ones by a notice', () => {
    const period = { label: '2026-10', cadence: 'MONTH' as const, from: '2026-10-01', to: '2026-10-31' };
    const a = penaltyNoticeItem(ev({ id: '1' }), hospital, settings, ctx)!;
    const b = penaltyNoticeItem(ev({ id: '2', decisionNo: 'b' }), hospital, settings, ctx)!;
    const c = { ...penaltyNoticeItem(ev({ id: '3', decisionNo: 'c' }), hospital, settings, ctx)!, publicationEnd: '2026-11-01' };
    const content = disclosureContent(DisclosureKind.PENALTY_NOTICE, period, null, [c, b, a]);
    expect(content.items.map((i) => i.key)).toEqual(['PN-1', 'PN-2', 'PN-3']);
    const view = publicItems(content, new Map([['PN-2', { withdrawnOn: '2026-11-03', reason: '经行政复议撤销' }]]), '2026-11-05');
    expect(view).toHaveLength(2);
    expect(view[1]).toMatchObject({ key: 'PN-2', notice: '撤回公告', text: '撤回公告：本条信息已于2026年11月3日撤回，撤回原因：经行政复议撤销。' });
    expect(view[0]).not.toHaveProperty('eventId');
  });

  it('stored sorted (canonical JSON), every kind is read back in its display order, nested records too', () => {
    const period = { label: '2026-Q4', cadence: 'QUARTER' as const, from: '2026-10-01', to: '2026-12-31' };
    const sorted = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(sorted) : x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, unknown>)[k])])) : x;
    const byKind: [DisclosureKind, DisclosureItem][] = [
      [DisclosureKind.PENALTY_NOTICE, penaltyNoticeItem(ev(), hospital, settings, ctx)!],
      [DisclosureKind.TYPICAL_CASES, typicalCaseItems([ev({ type: EventType.PENALTY_ART40 })], hospital, period.from, period.to)[0]],
      [DisclosureKind.TERMINATED_INSTITUTIONS, terminatedInstitutionItem(ev({ type: EventType.AGREEMENT_TERMINATED }), hospital, { ...ctx, fraudDecisionNos: new Set() })!],
      [DisclosureKind.LIST_PUBLICATION, listPublicationItem({ entryId: 'SD1', list: 'SEVERE_DISHONESTY', eventId: '9', reasonCode: 'PENALTY_ART40', legalBasis: 'x', effectiveFrom: '2026-10-01', plannedEnd: null }, hospital)!],
      [
        DisclosureKind.SUPERVISION_SUMMARY,
        supervisionSummaryItem({ regionCode: '120101', institutionsInspected: 3, institutionsHandled: 2, handledByMeasure: { 约谈: 2 }, recoveredFen: 100n, finedFen: 0n, subjectsByGrade: { A: 4 } }, period.to),
      ],
    ];
    for (const [kind, item] of byKind) {
      const stored = sorted(disclosureContent(kind, period, null, [item])) as ReturnType<typeof disclosureContent>;
      expect(Object.keys(stored.items[0].fields)).not.toEqual(DISCLOSURE_FIELD_ORDER[kind]); // sorting did change the order
      const [read] = publicItems(stored, new Map(), '2026-11-01');
      if (read.withdrawn) throw new Error('not withdrawn');
      expect(Object.keys(read)).toEqual(['key', 'regionCode', 'publicationEnd', 'fields']);
      expect(Object.keys(read.fields)).toEqual(DISCLOSURE_FIELD_ORDER[kind]);
      expect(read.fields).toEqual(item.fields);
    }
    const [summary] = publicItems(sorted(disclosureContent(DisclosureKind.SUPERVISION_SUMMARY, period, null, [byKind[4][1]])) as ReturnType<typeof disclosureContent>, new Map(), '2026-11-01');
    expect(summary.withdrawn ? [] : (summary.fields.按处理方式 as object[]).map((r) => Object.keys(r))).toEqual([['方式', '数量']]);
    expect(summary.withdrawn ? [] : (summary.fields.信用等级分布 as object[]).map((r) => Object.keys(r))).toEqual([['等级', '数量']]);
  });

  it('the display order names every field the builders write, in the order they wrote them', () => {
    const item = terminatedInstitutionItem(ev({ type: EventType.AGREEMENT_TERMINATED }), hospital, { ...ctx, fraudDecisionNos: new Set() })!;
    expect(Object.keys(item.fields)).toEqual(DISCLOSURE_FIELD_ORDER[DisclosureKind.TERMINATED_INSTITUTIONS]);
    const list = listPublicationItem({ entryId: 'G1', list: 'GOOD_CONDUCT', eventId: null, reasonCode: 'GOOD_CONDUCT', legalBasis: null, effectiveFrom: '2026-10-01', plannedEnd: '2027-10-01' }, hospital)!;
    expect(Object.keys(list.fields)).toEqual(DISCLOSURE_FIELD_ORDER[DisclosureKind.LIST_PUBLICATION]);
  });

  it('a notice without a reason says the decision was revoked', () => {
    expect(withdrawalNotice('k', '2026-01-02', ' ').reason).toBe('原决定已撤销');
  });
});

describe('penalty notice from the export rules', () => {
  // The notice as it was made before it had its own lean path: from the export's full record.
  function fromRecord(e: DisclosureEvent, s: DisclosureSubject, context: { policeReferralDecisionNos: ReadonlySet<string> }, rules = settings): Record<string, unknown> | null {
    if (s.type !== SubjectType.MEDICAL_INSTITUTION && s.type !== SubjectType.PHARMACY && (s.birthDate === null || isMinorOn(s.birthDate, e.decidedOn))) return null;
    const result = penaltyExportRecord(e, { ...s, maskedResidentId: null }, rules, context);
    if (!result.exported) return null;
    const r = result.record;
    const organisation = s.type === SubjectType.MEDICAL_INSTITUTION || s.type === SubjectType.PHARMACY;
    const role = s.type === SubjectType.PRACTITIONER ? (s.profession ? PROFESSION_WORDS[s.profession] : '医药机构工作人员') : '参保人';
    return {
      eventId: e.id,
      fields: {
        公示截止日期: r.CF_GSJZQ, 决定书文号: r.CF_WSH, 决定日期: r.CF_JDRQ, 处罚依据: r.CF_YJ, 处罚内容: r.CF_NR, 处罚机关: r.CF_CFJG,
        行政相对人: organisation ? `${s.name ?? ''}（${s.creditCode ?? ''}）` : `${maskPersonName(s.name ?? '')}（${role}）`, 违法行为: r.CF_SY,
      },
      key: `PN-${e.id}`,
      publicationEnd: r.CF_GSJZQ,
      regionCode: e.regionCode ?? s.regionCode,
    };
  }

  it('publishes exactly what the export publishes, with the same fields, over a grid of decisions and parties', () => {
    const subjects: DisclosureSubject[] = [
      hospital,
      { ...hospital, type: SubjectType.PHARMACY, name: null, creditCode: null, regionCode: null },
      person,
      { ...person, name: '欧阳娜娜' },
      { ...person, birthDate: '2012-01-01' },
      { ...person, birthDate: null },
      { ...person, type: SubjectType.PRACTITIONER, profession: Profession.PHARMACIST },
    ];
    const types = [EventType.PENALTY_ART38, EventType.PENALTY_ART39, EventType.PENALTY_ART40, EventType.INSURED_FRAUD, EventType.LICENCE_REVOKED, EventType.PAYMENT_DENIED];
    const fines: Partial<DisclosureEvent>[] = [
      { fineFen: 254100 }, { fineFen: '1' }, { fineFen: null }, { fineFen: 0 }, { fineFen: null, fineMultiple: '2.000', amountInvolvedFen: 100001 },
      { fineFen: null, fineMultiple: '1.5', amountInvolvedFen: null }, { fineFen: null, suspensionDays: 30 }, { fineFen: 500, amountInvolvedFen: null, legalBasis: null, authority: null },
    ];
    const others: Partial<DisclosureEvent>[] = [{}, { status: EventStatus.UNDER_APPEAL }, { status: EventStatus.PROPOSED }, { decisionNo: '  ' }, { decisionNo: ' 津医保罚〔2026〕12号 ', regionCode: null }];
    const contexts = [ctx, { policeReferralDecisionNos: new Set(['津医保罚〔2026〕12号']) }];
    const ours = { ...settings, authorityCodes: { 天津市医疗保障局: '11120000MB0000000X' } };
    let published = 0;
    let cases = 0;
    for (const s of subjects)
      for (const type of types)
        for (const fine of fines)
          for (const other of others)
            for (const context of contexts)
              for (const rules of [settings, ours]) {
                const e = ev({ type, ...fine, ...other });
                const want = fromRecord(e, s, context, rules);
                expect(penaltyNoticeItem(e, s, rules, context)).toEqual(want);
                cases++;
                if (want) published++;
              }
    // The grid exercises both outcomes, not only one.
    expect(published).toBeGreaterThan(100);
    expect(cases - published).toBeGreaterThan(100);
  });
});
