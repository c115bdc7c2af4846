import { ExportDateFormat, formatExportDates, PenaltyExportRecord } from '@app/credit';

/**
 * One line of the penalty feeds: the immutable `recordId` (what a consumer keys snapshot lines and changes on)
 * and the 双公示 record. Serialised with RFC 8785 like the list feeds (keys sorted); the CSV shows the codes
 * alone, in exports.md's order.
 */
export type PenaltyLine = { recordId: string } & PenaltyExportRecord;

/** How the feeds present stored records: the deployment's date format; the full ID only for the G2G share. */
export interface LinePresentation {
  dateFormat: ExportDateFormat;
  /** The clear resident ID of a person's record (G2G share only), else null: the stored masked ID stays. */
  fullResidentId?: string | null;
}

export function presentLine(recordId: string, record: PenaltyExportRecord, how: LinePresentation): PenaltyLine {
  const formatted = formatExportDates(record, how.dateFormat);
  const shown = how.fullResidentId && formatted.CF_XDR_LB === '自然人' ? { ...formatted, CF_XDR_ZJHM: how.fullResidentId } : formatted;
  return { recordId, ...shown };
}

/** Immutable, fixed width: text order equals numeric order, as the snapshot's recordId order must be. */
export function recordIdOf(eventId: string): string {
  return `PE${eventId.padStart(12, '0')}`;
}

/** JSON columns come back parsed or as text depending on the driver path. */
export function parseJson<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
