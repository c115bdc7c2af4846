import { addMonths, IsoDate, parseIsoDate } from '../calendar';
import { DISCLOSURE_TITLES, DisclosureKind } from './kinds';
import { fieldsInDisplayOrder } from './field-order';
import { DisclosureItem } from './items';
import { DisclosurePeriod } from './period';

/** The immutable snapshot content: hashed (SHA-256 of its RFC 8785 form) and never changed once stored. */
export interface DisclosureContent {
  kind: DisclosureKind;
  title: string;
  period: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Null: every region. */
  regionCode: string | null;
  items: DisclosureItem[];
}

export function disclosureContent(kind: DisclosureKind, period: DisclosurePeriod, regionCode: string | null, items: DisclosureItem[]): DisclosureContent {
  const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { kind, title: DISCLOSURE_TITLES[kind], period: period.label, periodStart: period.from, periodEnd: period.to, regionCode, items: sorted };
}

/** The disclosure leaves the public view after its last item's publication end (an empty one 3 months after its period). */
export function disclosurePublicationEnd(content: { items: readonly Pick<DisclosureItem, 'publicationEnd'>[]; periodEnd: IsoDate }): IsoDate {
  let end = addMonths(content.periodEnd, 3);
  for (const i of content.items) if (i.publicationEnd > end) end = i.publicationEnd;
  return end;
}

/** `2026年11月3日` (the HTML page's date form). */
export function chineseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

export interface WithdrawalNotice {
  key: string;
  notice: '撤回公告';
  withdrawnOn: IsoDate;
  reason: string;
  text: string;
}

/** What a reader sees in place of a withdrawn item. */
export function withdrawalNotice(key: string, withdrawnOn: IsoDate, reason: string): WithdrawalNotice {
  const why = reason.trim() === '' ? '原决定已撤销' : reason.trim();
  return { key, notice: '撤回公告', withdrawnOn, reason: why, text: `撤回公告：本条信息已于${chineseDate(withdrawnOn)}撤回，撤回原因：${why}。` };
}

export interface ItemWithdrawal {
  withdrawnOn: IsoDate;
  reason: string;
}

export type PublicItem = (Omit<DisclosureItem, 'eventId'> & { withdrawn?: undefined }) | (WithdrawalNotice & { withdrawn: true });

/**
 * The public view of stored content on `today`: expired items left out (publication end before today),
 * withdrawn items replaced by their notice. The internal event id never leaves the service.
 */
export function publicItems(content: DisclosureContent, withdrawals: ReadonlyMap<string, ItemWithdrawal>, today: IsoDate): PublicItem[] {
  const out: PublicItem[] = [];
  for (const item of content.items) {
    const w = withdrawals.get(item.key);
    if (w) {
      out.push({ ...withdrawalNotice(item.key, w.withdrawnOn, w.reason), withdrawn: true });
      continue;
    }
    if (item.publicationEnd < today) continue;
    // The internal event id left out; keys and fields in the order readers have always seen (content is stored sorted).
    out.push({ key: item.key, regionCode: item.regionCode, publicationEnd: item.publicationEnd, fields: fieldsInDisplayOrder(content.kind, item.fields) });
  }
  return out;
}

/** The correction note shown on a version that superseded an earlier published one (domain.md §6: corrections keep history). */
export function correctionNote(previousVersion: number, previousPublishedOn: IsoDate, today: IsoDate): string {
  return `更正说明：本公示于${chineseDate(today)}更正，替代${chineseDate(previousPublishedOn)}发布的第${previousVersion}版。`;
}
