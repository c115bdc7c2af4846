/*
 * One item of each kind of disclosure (domain.md §6's table), masked per §7 when the snapshot is built: an
 * institution in full (name, credit code, region); a person as surname + 某 and role, never an ID, address,
 * phone or health detail; a person under 18 on the decision date (or of unknown age) never appears. Choices
 * where the spec is silent:
 * - PENALTY_NOTICE: exactly the decisions the 双公示 export publishes (penaltyExportRecord: no warnings alone,
 *   no minors), decided in the period; publication end = the export's CF_GSJZQ (general 1 year, severe 3).
 * - TYPICAL_CASES: an institution's case (its in-force events with one decision number) decided in the quarter
 *   with fraud (PENALTY_ART40), an agreement termination, or an amount involved of at least 100,000 yuan.
 *   追回情况 sums the case's PAYMENT_DENIED / BREACH_FEE amounts (money withheld or recovered). Severe, 3 years.
 * - TERMINATED_INSTITUTIONS: in-force AGREEMENT_TERMINATED of institutions decided in the month; may not re-apply
 *   for 1 year (3 years when the case is fraud: an Art.40 penalty or a police referral with the same decision
 *   number). Publication end: the re-application bar's end, at least 1 year.
 * - LIST_PUBLICATION: SEVERE_DISHONESTY / GOOD_CONDUCT entries in force on the period's last day; publication
 *   end = the entry's planned end (else effective from + 3 years for the severe list, + 1 year for good conduct).
 * - SUPERVISION_SUMMARY: statistics per region, no persons; kept 3 years after the period.
 */
import { addDays, addYears, IsoDate } from '../calendar';
import { Fen, fenToYuanText, isPositiveFen, penaltyPublication, ExportCaseContext, ExportEvent, ExportSettings } from '../exports';
import { isMinorOn, maskPersonName } from '../identifiers';
import { EventStatus, EventType, Profession, SubjectType } from '../model';

/** Two decimals, exact from fen (public amounts, domain.md §6). */
export function yuan(fen: Fen): string {
  const t = fenToYuanText(fen);
  const [whole, frac = ''] = t.split('.');
  return `${whole}.${frac.padEnd(2, '0')}`;
}

export interface DisclosureSubject {
  id: string;
  type: SubjectType;
  name: string | null;
  creditCode: string | null;
  regionCode: string | null;
  profession: Profession | null;
  maskedResidentId: string | null;
  /** From the decrypted ID inside the builder; never stored. Null when unknown (the person is withheld). */
  birthDate: IsoDate | null;
}

export interface DisclosureEvent extends ExportEvent {
  id: string;
  subjectId: string;
  regionCode: string | null;
  inspectionKind: string | null;
}

/** One item as stored in the snapshot: `key` is stable, `eventId` the decision it rests on (for withdrawal). */
export interface DisclosureItem {
  key: string;
  eventId: string | null;
  regionCode: string | null;
  publicationEnd: IsoDate;
  fields: Record<string, string | number | null | Record<string, unknown>[] | string[]>;
}

const ORGANISATIONS = new Set<SubjectType>([SubjectType.MEDICAL_INSTITUTION, SubjectType.PHARMACY]);
const IN_FORCE = new Set<EventStatus>([EventStatus.FINAL, EventStatus.UNDER_APPEAL]);

export const PROFESSION_WORDS: Readonly<Record<Profession, string>> = {
  [Profession.PHYSICIAN]: '医师',
  [Profession.NURSE]: '护士',
  [Profession.PHARMACIST]: '药师',
  [Profession.TECHNICIAN]: '技师',
  [Profession.BILLING_STAFF]: '医保结算人员',
};

export function isOrganisation(s: Pick<DisclosureSubject, 'type'>): boolean {
  return ORGANISATIONS.has(s.type);
}

/** Whether a subject may appear in a public item decided on `on`: organisations always; adults with a known age. */
export function publishable(s: DisclosureSubject, on: IsoDate): boolean {
  if (isOrganisation(s)) return true;
  return s.birthDate !== null && !isMinorOn(s.birthDate, on);
}

/** The public party fields: an institution in full, a person as 张某 and role. */
export function publicParty(s: DisclosureSubject): Record<string, string> {
  if (isOrganisation(s)) return { 名称: s.name ?? '', 统一社会信用代码: s.creditCode ?? '', 地区: s.regionCode ?? '' };
  return { 名称: maskPersonName(s.name ?? ''), 身份: personRole(s), 地区: s.regionCode ?? '' };
}

/** A person's public role: their profession, or 参保人. */
function personRole(s: DisclosureSubject): string {
  return s.type === SubjectType.PRACTITIONER ? (s.profession ? PROFESSION_WORDS[s.profession] : '医药机构工作人员') : '参保人';
}

/**
 * PENALTY_NOTICE: one item per published administrative penalty (the export's rules, penaltyPublication),
 * without the export's full record: the notice shows eight of its fields, and a month's notice has 100k items.
 */
export function penaltyNoticeItem(e: DisclosureEvent, s: DisclosureSubject, settings: ExportSettings, context: ExportCaseContext): DisclosureItem | null {
  if (!publishable(s, e.decidedOn)) return null;
  const result = penaltyPublication(e, s, settings, context);
  if (!result.exported) return null;
  const p = result.publication;
  // Keys written in canonical (sorted) order: the snapshot then serialises the item without sorting a copy.
  return {
    eventId: e.id,
    fields: {
      公示截止日期: p.publicationEnd,
      决定书文号: p.decisionNo,
      决定日期: e.decidedOn,
      处罚依据: p.legalBasis,
      处罚内容: p.content,
      处罚机关: p.authority,
      行政相对人: publicPartyLine(s),
      违法行为: p.facts,
    },
    key: `PN-${e.id}`,
    publicationEnd: p.publicationEnd,
    regionCode: e.regionCode ?? s.regionCode,
  };
}

/** The party in one line, as publicParty shows it: 名称（统一社会信用代码） or 张某（身份）. */
function publicPartyLine(s: DisclosureSubject): string {
  if (isOrganisation(s)) return `${s.name ?? ''}（${s.creditCode ?? ''}）`;
  return `${maskPersonName(s.name ?? '')}（${personRole(s)}）`;
}

const VIOLATION_WORDS: Readonly<Partial<Record<EventType, string>>> = {
  [EventType.PENALTY_ART38]: '违规使用医保基金（条例第三十八条）',
  [EventType.PENALTY_ART39]: '未履行基金使用管理职责（条例第三十九条）',
  [EventType.PENALTY_ART40]: '欺诈骗取医保基金（条例第四十条）',
};
const AGREEMENT_MEASURES: Readonly<Partial<Record<EventType, string>>> = {
  [EventType.PAYMENT_DENIED]: '拒付费用',
  [EventType.BREACH_FEE]: '收取违约金',
  [EventType.AGREEMENT_SUSPENDED]: '中止医保协议',
  [EventType.AGREEMENT_TERMINATED]: '解除医保协议',
};
export const TYPICAL_CASE_MIN_AMOUNT_FEN = 10_000_000n;

/** TYPICAL_CASES: an institution's case = its in-force events with one decision number, decided in the period. */
export function typicalCaseItems(events: readonly DisclosureEvent[], s: DisclosureSubject, from: IsoDate, to: IsoDate): DisclosureItem[] {
  if (!isOrganisation(s)) return [];
  const cases = new Map<string, DisclosureEvent[]>();
  for (const e of events) {
    if (!IN_FORCE.has(e.status) || !e.decisionNo || e.decidedOn < from || e.decidedOn > to) continue;
    const no = e.decisionNo.trim();
    cases.set(no, [...(cases.get(no) ?? []), e]);
  }
  const items: DisclosureItem[] = [];
  for (const [decisionNo, group] of [...cases.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    group.sort((a, b) => Number(a.id) - Number(b.id));
    const amount = group.reduce((max, e) => (e.amountInvolvedFen !== null && BigInt(e.amountInvolvedFen) > max ? BigInt(e.amountInvolvedFen) : max), 0n);
    const fraud = group.some((e) => e.type === EventType.PENALTY_ART40);
    const terminated = group.some((e) => e.type === EventType.AGREEMENT_TERMINATED);
    if (!fraud && !terminated && amount < TYPICAL_CASE_MIN_AMOUNT_FEN) continue;
    const admin: string[] = [];
    const agreement: string[] = [];
    for (const e of group) {
      if (VIOLATION_WORDS[e.type]) {
        const parts: string[] = [];
        if (e.fineFen !== null && isPositiveFen(e.fineFen)) parts.push(`罚款${yuan(e.fineFen)}元`);
        if (e.suspensionDays) parts.push(`暂停医药服务${e.suspensionDays}日`);
        admin.push(parts.length ? parts.join('，') : '行政处罚');
      }
      if (AGREEMENT_MEASURES[e.type]) agreement.push(AGREEMENT_MEASURES[e.type]!);
    }
    const recovered = group
      .filter((e) => e.type === EventType.PAYMENT_DENIED || e.type === EventType.BREACH_FEE)
      .reduce((sum, e) => sum + (e.amountInvolvedFen !== null ? BigInt(e.amountInvolvedFen) : 0n) + (e.type === EventType.BREACH_FEE && e.fineFen !== null ? BigInt(e.fineFen) : 0n), 0n);
    const main = group.find((e) => VIOLATION_WORDS[e.type]) ?? group[0];
    const decidedOn = group.map((e) => e.decidedOn).sort()[group.length - 1];
    items.push({
      key: `TC-${main.id}`,
      eventId: main.id,
      regionCode: main.regionCode ?? s.regionCode,
      publicationEnd: addYears(decidedOn, 3),
      fields: {
        案例标题: `${s.name ?? ''}${fraud ? '欺诈骗取医保基金案' : '违规使用医保基金案'}`,
        机构名称: s.name ?? '',
        统一社会信用代码: s.creditCode ?? '',
        地区: main.regionCode ?? s.regionCode ?? '',
        违法类型: [...new Set(group.map((e) => VIOLATION_WORDS[e.type]).filter((v): v is string => !!v))],
        涉及金额: yuan(amount),
        行政处理: [...new Set(admin)],
        协议处理: [...new Set(agreement)],
        追回情况: recovered > 0n ? `已追回医保基金${yuan(recovered)}元` : '责令退回',
        处理机关: main.authority ?? '',
        决定书文号: decisionNo,
        决定日期: decidedOn,
        公示截止日期: addYears(decidedOn, 3),
      },
    });
  }
  return items;
}

/** TERMINATED_INSTITUTIONS: an institution's agreement termination decided in the period. */
export function terminatedInstitutionItem(e: DisclosureEvent, s: DisclosureSubject, context: ExportCaseContext & { fraudDecisionNos: ReadonlySet<string> }): DisclosureItem | null {
  if (!isOrganisation(s) || e.type !== EventType.AGREEMENT_TERMINATED || !IN_FORCE.has(e.status)) return null;
  const no = e.decisionNo?.trim() ?? '';
  const fraud = no !== '' && (context.fraudDecisionNos.has(no) || context.policeReferralDecisionNos.has(no));
  const barredUntil = addDays(addYears(e.decidedOn, fraud ? 3 : 1), -1);
  return {
    key: `TI-${e.id}`,
    eventId: e.id,
    regionCode: e.regionCode ?? s.regionCode,
    publicationEnd: addYears(e.decidedOn, fraud ? 3 : 1),
    fields: {
      机构名称: s.name ?? '',
      统一社会信用代码: s.creditCode ?? '',
      地区: e.regionCode ?? s.regionCode ?? '',
      解除日期: e.decidedOn,
      解除原因: fraud ? '欺诈骗取医保基金' : '严重违反医保服务协议',
      协议依据: e.legalBasis ?? '',
      决定书文号: no,
      不得申请定点的期限: barredUntil,
    },
  };
}

export interface DisclosureListEntry {
  entryId: string;
  list: 'SEVERE_DISHONESTY' | 'GOOD_CONDUCT';
  eventId: string | null;
  reasonCode: string;
  legalBasis: string | null;
  effectiveFrom: IsoDate;
  plannedEnd: IsoDate | null;
}

const LIST_WORDS = { SEVERE_DISHONESTY: '严重失信主体名单', GOOD_CONDUCT: '守信联合激励对象名单' } as const;
const REASON_WORDS: Readonly<Record<string, string>> = {
  PENALTY_ART40: '欺诈骗取医保基金，受到行政处罚',
  AGREEMENT_TERMINATED: '欺诈骗取医保基金，被解除医保协议',
  POLICE_REFERRAL_CONFIRMED: '涉嫌犯罪，移送公安机关',
  INSURED_FRAUD: '参保人欺诈骗取医保基金',
  PENALTY_NOT_PERFORMED: '行政处罚决定未履行',
  GOOD_CONDUCT: '连续两年信用评价为A级且无行政处罚',
};

/** LIST_PUBLICATION: one entry in force, the person masked with profession. */
export function listPublicationItem(entry: DisclosureListEntry, s: DisclosureSubject): DisclosureItem | null {
  if (!publishable(s, entry.effectiveFrom)) return null;
  const party = publicParty(s);
  const end = entry.plannedEnd ?? addYears(entry.effectiveFrom, entry.list === 'SEVERE_DISHONESTY' ? 3 : 1);
  return {
    key: `LP-${entry.entryId}`,
    eventId: entry.eventId,
    regionCode: s.regionCode,
    publicationEnd: end,
    fields: {
      主体: isOrganisation(s) ? `${party.名称}（${party.统一社会信用代码}）` : `${party.名称}（${party.身份}）`,
      名单: LIST_WORDS[entry.list],
      列入事由: REASON_WORDS[entry.reasonCode] ?? entry.reasonCode,
      依据: entry.legalBasis ?? '',
      列入日期: entry.effectiveFrom,
      计划移出日期: entry.plannedEnd ?? '',
    },
  };
}

/** SUPERVISION_SUMMARY's per-region input: counted by the builder from stored events and ratings. */
export interface RegionStatistics {
  regionCode: string;
  institutionsInspected: number;
  institutionsHandled: number;
  handledByMeasure: Record<string, number>;
  recoveredFen: bigint;
  finedFen: bigint;
  subjectsByGrade: Record<string, number>;
}

export function supervisionSummaryItem(r: RegionStatistics, periodTo: IsoDate): DisclosureItem {
  return {
    key: `SS-${r.regionCode}`,
    eventId: null,
    regionCode: r.regionCode,
    publicationEnd: addYears(periodTo, 3),
    fields: {
      地区: r.regionCode,
      检查机构数: r.institutionsInspected,
      处理机构数: r.institutionsHandled,
      按处理方式: Object.entries(r.handledByMeasure)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([measure, count]) => ({ 方式: measure, 数量: count })),
      追回金额: yuan(r.recoveredFen),
      罚款金额: yuan(r.finedFen),
      信用等级分布: Object.entries(r.subjectsByGrade)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([grade, count]) => ({ 等级: grade, 数量: count })),
    },
  };
}

/** Measures counted in the summary, in words. */
export const SUMMARY_MEASURES: Readonly<Partial<Record<EventType, string>>> = {
  [EventType.INTERVIEW]: '约谈',
  [EventType.PAYMENT_DENIED]: '拒付',
  [EventType.BREACH_FEE]: '违约金',
  [EventType.AGREEMENT_SUSPENDED]: '中止协议',
  [EventType.AGREEMENT_TERMINATED]: '解除协议',
  [EventType.PENALTY_ART38]: '行政处罚',
  [EventType.PENALTY_ART39]: '行政处罚',
  [EventType.PENALTY_ART40]: '行政处罚',
  [EventType.POLICE_REFERRAL_CONFIRMED]: '移送公安',
};
