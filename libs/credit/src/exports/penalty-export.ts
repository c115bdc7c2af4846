/*
 * The national-platform export of administrative penalties (exports.md), as pure rules. Where exports.md and
 * domain.md are silent, the choices made here:
 * - In force means FINAL or UNDER_APPEAL (an appeal keeps the decision's effect, domain.md §2); PROPOSED,
 *   REVOKED and AMENDED versions are not exported.
 * - Minor (not published): a warning only, i.e. no fine, no suspension, no licence revoked. The simplified
 *   procedure is not recorded on events; its fine limits are a rule (PenaltyExportRules), off by default.
 * - A practitioner's PENALTY_ART38/39/40 is their share of the institution's decision (points), not a penalty on
 *   them: not exported (the institution's own event is). LICENCE_REVOKED is exported when its authority is one
 *   of ours, i.e. configured in EXPORT_AUTHORITY_CODES.
 * - Severe (3 years): PENALTY_ART40, LICENCE_REVOKED, INSURED_FRAUD (the persons' fraud, a severe-list reason),
 *   and any penalty of a case (decision number) with a confirmed police referral. Otherwise 1 year.
 * - A person whose birth date cannot be read from the ID is withheld, like a minor.
 * - 万元: exact to the sixth decimal, trailing zeros not written (254100 fen → 0.2541, 1,000,000 fen → 1).
 * - CF_SY is a fixed description per type (+ the amount involved): events carry no narrative, and a free text
 *   could carry personal data. CF_NR_WFFF is empty (no confiscation is recorded); CF_NR_ZKDX names the licence
 *   (执业证书) on LICENCE_REVOKED, without a number (none is recorded). CF_YXQ is the last day of a suspension,
 *   else 2099-12-31. Legal representatives are not registered: CF_FRDB, CF_FR_* are empty.
 * - A decision amended into something not published is withdrawn as CHANGED (and may come back); REVOKED,
 *   REPAIRED and EXPIRED withdrawals are final.
 */
import { addDays, addYears, IsoDate } from '../calendar';
import { isMinorOn, maskPersonName } from '../identifiers';
import { EventStatus, EventType, SubjectType } from '../model';
import { Fen, fenAtMost, fenToWanYuan, fenToYuanText, fineFromMultiple, isPositiveFen } from './amounts';
import { PENALTY_EXPORT_DATE_FIELDS, PENALTY_EXPORT_FIELDS, PenaltyExportRecord } from './fields';

/**
 * An institution's fraud (条例 Art.40, a 2–5× fine) is never the minor (warning-only, simplified-procedure) kind:
 * the simplified procedure's limits are far below any such fine. An insured person's small fraud fine may be.
 */
const NEVER_MINOR = new Set<EventType>([EventType.PENALTY_ART40]);

/** The decision as the export needs it (the event's current version). */
export interface ExportEvent {
  type: EventType;
  status: EventStatus;
  decisionNo: string | null;
  legalBasis: string | null;
  authority: string | null;
  decidedOn: IsoDate;
  fineFen: Fen | null;
  /** A fine given as a multiple of the loss (the DECIMAL column as text, e.g. "2.000"); used when fineFen is absent. */
  fineMultiple?: string | number | null;
  amountInvolvedFen: Fen | null;
  suspensionDays: number | null;
}

/** The penalised party. `birthDate` from the resident ID (persons); null when unknown. */
export interface ExportSubject {
  type: SubjectType;
  name: string | null;
  creditCode: string | null;
  /** First 6 + ******** + last 4 (never the clear number: the G2G share replaces it at output time). */
  maskedResidentId: string | null;
  birthDate: IsoDate | null;
}

/** Deployment settings (configuration): the authorities' credit codes and the data source. */
export interface ExportSettings {
  /** Authority name (as events carry it) → its unified social credit code. Also says which authorities are ours. */
  authorityCodes: Readonly<Record<string, string>>;
  dataSource: { name: string; code: string };
  rules?: PenaltyExportRules;
}

/** What decides publication, as data with its basis. */
export interface PenaltyExportRules {
  /**
   * 简易程序 (行政处罚法 Art.51) allows a fine up to 200 yuan on a citizen or 3,000 yuan on an organisation on
   * the spot, but "may", not "must", and events carry no procedure field; exports.md's own example publishes
   * 罚款2541元. So by default only a warning (no fine, no other measure) is minor (limits 0); a region whose case
   * system decides small fines by the simplified procedure may raise the limits: a fine up to them, with no
   * other measure, is then not published either [N 发改委令第36号].
   */
  simplifiedProcedureMaxFen: { person: number; organisation: number };
  /** Publication period: general 1 year, severe 3 years (the maxima of domain.md §5). */
  generalPublicationYears: number;
  severePublicationYears: number;
}

export const DEFAULT_PENALTY_EXPORT_RULES: PenaltyExportRules = {
  simplifiedProcedureMaxFen: { person: 0, organisation: 0 },
  generalPublicationYears: 1,
  severePublicationYears: 3,
};

/** Facts about the same case from the subject's other events. */
export interface ExportCaseContext {
  /** Decision numbers of the subject's in-force POLICE_REFERRAL_CONFIRMED events: their penalties are severe. */
  policeReferralDecisionNos: ReadonlySet<string>;
}

export type NotExportedReason =
  /** Not an administrative penalty (agreement measures, assessments …). */
  | 'NOT_A_PENALTY'
  /** PROPOSED, REVOKED or AMENDED: not a decision in force. */
  | 'NOT_IN_FORCE'
  /** LICENCE_REVOKED decided by another authority (e.g. the health commission): theirs to publish. */
  | 'NOT_OUR_AUTHORITY'
  /** A practitioner's Art.38–40 event records points for their institution's decision, not a penalty on them. */
  | 'PRACTITIONER_POINTS_RECORD'
  /** A warning only (or a fine within the simplified-procedure limits a region configured). */
  | 'MINOR_PENALTY'
  /** The person was under 18 on the decision date (domain.md §7: never published). */
  | 'MINOR_PERSON'
  /** A person whose age cannot be told: withheld, the side on which an error harms nobody. */
  | 'AGE_UNKNOWN'
  /** No decision number: the record's business key (CF_WSH) is missing. */
  | 'NO_DECISION_NO';

export type PenaltyExportResult = { exported: true; record: PenaltyExportRecord; severe: boolean } | { exported: false; reason: NotExportedReason };

/** Why an exported decision was withdrawn; BZ carries the words. */
export enum ExportWithdrawalReason {
  REVOKED = 'REVOKED',
  REPAIRED = 'REPAIRED',
  EXPIRED = 'EXPIRED',
  /** Amended into something not published (a minor penalty, another type …): a changed decision. */
  CHANGED = 'CHANGED',
}

export const WITHDRAWAL_REMARKS: Readonly<Record<ExportWithdrawalReason, string>> = {
  [ExportWithdrawalReason.REVOKED]: '撤回：处罚决定已撤销',
  [ExportWithdrawalReason.REPAIRED]: '撤回：信用修复',
  [ExportWithdrawalReason.EXPIRED]: '撤回：公示期满',
  [ExportWithdrawalReason.CHANGED]: '撤回：处罚决定变更，不再公示',
};

/** `2099-12-31`: the platforms' "no end" for 处罚有效期. */
export const OPEN_ENDED = '2099-12-31';

const PENALTY_TYPES = new Set<EventType>([EventType.PENALTY_ART38, EventType.PENALTY_ART39, EventType.PENALTY_ART40, EventType.INSURED_FRAUD, EventType.LICENCE_REVOKED]);
const IN_FORCE = new Set<EventStatus>([EventStatus.FINAL, EventStatus.UNDER_APPEAL]);
const ORGANISATIONS = new Set<SubjectType>([SubjectType.MEDICAL_INSTITUTION, SubjectType.PHARMACY]);
const REGULATION = '《医疗保障基金使用监督管理条例》';

/** 违法行为类型 per event type: the article of the regulation the conduct broke. */
const VIOLATION: Readonly<Partial<Record<EventType, string>>> = {
  [EventType.PENALTY_ART38]: `违反${REGULATION}第三十八条`,
  [EventType.PENALTY_ART39]: `违反${REGULATION}第三十九条`,
  [EventType.PENALTY_ART40]: `违反${REGULATION}第四十条`,
  [EventType.INSURED_FRAUD]: `违反${REGULATION}第四十一条`,
  [EventType.LICENCE_REVOKED]: `违反${REGULATION}第四十条`,
};

/** 违法事实: a fixed description per type (events carry no narrative, and a narrative could carry personal data). */
const FACTS: Readonly<Partial<Record<EventType, string>>> = {
  [EventType.PENALTY_ART38]: '违反医疗保障基金使用管理规定，造成医疗保障基金损失',
  [EventType.PENALTY_ART39]: '未按规定履行医疗保障基金使用管理职责',
  [EventType.PENALTY_ART40]: '通过伪造、变造、隐匿、涂改、销毁医学文书等有关资料或者虚构医药服务项目等方式，骗取医疗保障基金',
  [EventType.INSURED_FRAUD]: '以骗取医疗保障基金为目的，违规使用医疗保障待遇，造成医疗保障基金损失',
  [EventType.LICENCE_REVOKED]: '参与欺诈骗取医疗保障基金，情节严重',
};

/**
 * Which decisions the national platform gets, and each one's record in the 双公示 field set (exports.md).
 * Pure: the caller supplies the subject (masked), the birth date for the minors rule and the settings.
 */
export function penaltyExportRecord(event: ExportEvent, subject: ExportSubject, settings: ExportSettings, context: ExportCaseContext): PenaltyExportResult {
  const decided = penaltyPublication(event, subject, settings, context);
  if (!decided.exported) return decided;
  const p = decided.publication;
  const organisation = p.organisation;
  const licence = event.type === EventType.LICENCE_REVOKED;
  const record: PenaltyExportRecord = {
    CF_XDR_MC: organisation ? (subject.name ?? '') : maskPersonName(subject.name ?? ''),
    CF_XDR_LB: organisation ? '法人及非法人组织' : '自然人',
    CF_XDR_SHXYM: organisation ? (subject.creditCode ?? '') : '',
    CF_XDR_GSZC: '',
    CF_XDR_ZZJG: '',
    CF_XDR_SWDJ: '',
    CF_XDR_SYDW: '',
    CF_XDR_SHZZ: '',
    CF_FRDB: '',
    CF_FR_ZJLX: '',
    CF_FR_ZJHM: '',
    CF_XDR_ZJLX: organisation ? '' : '身份证',
    CF_XDR_ZJHM: organisation ? '' : (subject.maskedResidentId ?? ''),
    CF_WSH: p.decisionNo,
    CF_WFXW: VIOLATION[event.type]!,
    CF_SY: p.facts,
    CF_YJ: p.legalBasis,
    CF_CFLB: p.categories.join(';'),
    CF_NR: p.content,
    CF_NR_FK: p.fineAmount !== null && isPositiveFen(p.fineAmount) ? fenToWanYuan(p.fineAmount) : '',
    CF_NR_WFFF: '',
    CF_NR_ZKDX: licence ? '执业证书' : '',
    CF_JDRQ: event.decidedOn,
    CF_YXQ: p.suspended ? addDays(event.decidedOn, event.suspensionDays! - 1) : OPEN_ENDED,
    CF_GSJZQ: p.publicationEnd,
    CF_CFJG: p.authority,
    CF_CFJGDM: event.authority !== null && Object.hasOwn(settings.authorityCodes, event.authority) ? settings.authorityCodes[event.authority] : '',
    CF_SJLY: settings.dataSource.name,
    CF_SJLYDM: settings.dataSource.code,
    BZ: '',
  };
  return { exported: true, record, severe: p.severe };
}

/**
 * What publishing a decision comes to, before any record is made: the export's record and the public penalty
 * notice (libs/credit disclosures) are both made from it, so they cannot disagree on what is published, for how
 * long and with what content, and the notice (100k items a month) does not build the full 30-field record.
 */
export interface PenaltyPublication {
  organisation: boolean;
  severe: boolean;
  fineAmount: Fen | null;
  suspended: boolean;
  /** 处罚类别, in order (joined with ';' in CF_CFLB). */
  categories: string[];
  /** CF_NR: 罚款…元，暂停…日. */
  content: string;
  /** CF_SY: the fixed description of the type, with the amount involved. */
  facts: string;
  decisionNo: string;
  legalBasis: string;
  authority: string;
  /** CF_GSJZQ. */
  publicationEnd: IsoDate;
}

export type PenaltyPublicationResult = { exported: true; publication: PenaltyPublication } | { exported: false; reason: NotExportedReason };

/** Whether a decision is published (the export's rules), and its publication facts when it is. */
export function penaltyPublication(event: ExportEvent, subject: ExportSubject, settings: ExportSettings, context: ExportCaseContext): PenaltyPublicationResult {
  const rules = settings.rules ?? DEFAULT_PENALTY_EXPORT_RULES;
  if (!PENALTY_TYPES.has(event.type)) return { exported: false, reason: 'NOT_A_PENALTY' };
  if (!IN_FORCE.has(event.status)) return { exported: false, reason: 'NOT_IN_FORCE' };
  if (event.type === EventType.LICENCE_REVOKED && !(event.authority !== null && Object.hasOwn(settings.authorityCodes, event.authority))) {
    return { exported: false, reason: 'NOT_OUR_AUTHORITY' };
  }
  if (subject.type === SubjectType.PRACTITIONER && event.type !== EventType.LICENCE_REVOKED) return { exported: false, reason: 'PRACTITIONER_POINTS_RECORD' };
  const organisation = ORGANISATIONS.has(subject.type);
  if (!organisation) {
    if (subject.birthDate === null) return { exported: false, reason: 'AGE_UNKNOWN' };
    if (isMinorOn(subject.birthDate, event.decidedOn)) return { exported: false, reason: 'MINOR_PERSON' };
  }
  if (!event.decisionNo || event.decisionNo.trim() === '') return { exported: false, reason: 'NO_DECISION_NO' };

  // A fine may be recorded as an amount or only as a multiple of the loss (Art.38/40 decisions often are).
  const multiple = event.fineMultiple === undefined || event.fineMultiple === null ? null : event.fineMultiple;
  const fineAmount = event.fineFen ?? fineFromMultiple(event.amountInvolvedFen, multiple);
  const byMultipleOnly = fineAmount === null && multiple !== null && Number(multiple) > 0;
  const fined = isPositiveFen(fineAmount) || byMultipleOnly;
  const suspended = event.suspensionDays !== null && event.suspensionDays > 0;
  const licence = event.type === EventType.LICENCE_REVOKED;
  const limit = organisation ? rules.simplifiedProcedureMaxFen.organisation : rules.simplifiedProcedureMaxFen.person;
  // Fraud is never the minor kind; a fine recorded only as a multiple is a fine.
  const minor = !NEVER_MINOR.has(event.type) && !suspended && !licence && (!fined || (fineAmount !== null && fenAtMost(fineAmount, limit)));
  if (minor) return { exported: false, reason: 'MINOR_PENALTY' };

  const severe = isSeverePenalty(event, context);
  const categories: string[] = [];
  const content: string[] = [];
  if (fined) {
    categories.push('罚款');
    content.push(fineAmount !== null ? `罚款${fenToYuanText(fineAmount)}元` : `罚款（涉案金额的${Number(multiple)}倍）`);
  }
  if (suspended) {
    categories.push('其他-暂停涉及医疗保障基金使用的医药服务');
    content.push(`暂停涉及医疗保障基金使用的医药服务${event.suspensionDays}日`);
  }
  if (licence) {
    categories.push('暂扣或者吊销许可证');
    content.push('吊销执业证书');
  }
  const periodYears = severe ? rules.severePublicationYears : rules.generalPublicationYears;
  return {
    exported: true,
    publication: {
      organisation,
      severe,
      fineAmount,
      suspended,
      categories,
      content: content.join('，'),
      facts: FACTS[event.type]! + (isPositiveFen(event.amountInvolvedFen) ? `，涉及金额${fenToYuanText(event.amountInvolvedFen!)}元` : ''),
      decisionNo: event.decisionNo.trim(),
      legalBasis: event.legalBasis ?? '',
      authority: event.authority ?? '',
      publicationEnd: addYears(event.decidedOn, periodYears),
    },
  };
}

/** Severe for the publication period: Art.40 fraud, insured-person fraud, licence revoked, or a confirmed police referral of the case. */
export function isSeverePenalty(event: Pick<ExportEvent, 'type' | 'decisionNo'>, context: ExportCaseContext): boolean {
  if (event.type === EventType.PENALTY_ART40 || event.type === EventType.INSURED_FRAUD || event.type === EventType.LICENCE_REVOKED) return true;
  return event.decisionNo !== null && context.policeReferralDecisionNos.has(event.decisionNo.trim());
}

/** Whether the publication period is over on `today` (the day after CF_GSJZQ, as list entries expire). */
export function publicationEnded(record: Pick<PenaltyExportRecord, 'CF_GSJZQ'>, today: IsoDate): boolean {
  return record.CF_GSJZQ < today;
}

/** The record as withdrawn: unchanged but for BZ, which says why. */
export function withdrawnRecord(record: PenaltyExportRecord, reason: ExportWithdrawalReason): PenaltyExportRecord {
  return { ...record, BZ: WITHDRAWAL_REMARKS[reason] };
}

export type ExportDateFormat = 'YYYY-MM-DD' | 'YYYY/MM/DD';

/** Records are kept with ISO dates; the deployment's format is applied on the way out. */
export function formatExportDates(record: PenaltyExportRecord, format: ExportDateFormat): PenaltyExportRecord {
  if (format === 'YYYY-MM-DD') return record;
  const out = { ...record };
  for (const f of PENALTY_EXPORT_DATE_FIELDS) out[f] = out[f].replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1/$2/$3');
  return out;
}

/** The values in field order (a CSV row). */
export function exportRow(record: PenaltyExportRecord): string[] {
  return PENALTY_EXPORT_FIELDS.map((f) => record[f]);
}

/** Whether two records differ in any field (a MODIFY). */
export function sameRecord(a: PenaltyExportRecord, b: PenaltyExportRecord): boolean {
  return PENALTY_EXPORT_FIELDS.every((f) => a[f] === b[f]);
}
