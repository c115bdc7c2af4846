/**
 * The 双公示 "2.0" 行政处罚 field set (exports.md), in its order: the CSV header row, the keys of an NDJSON
 * record, and the one place that names the codes. A code added, removed or moved here moves everywhere.
 */
export const PENALTY_EXPORT_FIELDS = [
  'CF_XDR_MC',
  'CF_XDR_LB',
  'CF_XDR_SHXYM',
  'CF_XDR_GSZC',
  'CF_XDR_ZZJG',
  'CF_XDR_SWDJ',
  'CF_XDR_SYDW',
  'CF_XDR_SHZZ',
  'CF_FRDB',
  'CF_FR_ZJLX',
  'CF_FR_ZJHM',
  'CF_XDR_ZJLX',
  'CF_XDR_ZJHM',
  'CF_WSH',
  'CF_WFXW',
  'CF_SY',
  'CF_YJ',
  'CF_CFLB',
  'CF_NR',
  'CF_NR_FK',
  'CF_NR_WFFF',
  'CF_NR_ZKDX',
  'CF_JDRQ',
  'CF_YXQ',
  'CF_GSJZQ',
  'CF_CFJG',
  'CF_CFJGDM',
  'CF_SJLY',
  'CF_SJLYDM',
  'BZ',
] as const;

export type PenaltyExportField = (typeof PENALTY_EXPORT_FIELDS)[number];

/** One exported decision: every code present, each a string ('' when empty), so CSV and JSON agree. */
export type PenaltyExportRecord = Record<PenaltyExportField, string>;

/** The date-valued codes: stored as YYYY-MM-DD, shown in the configured format (formatExportDates). */
export const PENALTY_EXPORT_DATE_FIELDS = ['CF_JDRQ', 'CF_YXQ', 'CF_GSJZQ'] as const satisfies readonly PenaltyExportField[];
