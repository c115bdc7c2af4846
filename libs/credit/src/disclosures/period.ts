import { addDays, daysInMonth, formatIsoDate, IsoDate, parseIsoDate } from '../calendar';
import { Cadence, DISCLOSURE_CADENCE, DisclosureKind } from './kinds';

/** One disclosure period: its label and its first and last day (inclusive), calendar dates in Asia/Shanghai. */
export interface DisclosurePeriod {
  label: string;
  cadence: Cadence;
  from: IsoDate;
  to: IsoDate;
}

export type PeriodResult = { ok: true; period: DisclosurePeriod } | { ok: false; reason: 'INVALID_PERIOD' | 'PERIOD_CADENCE'; message: string };

function bounds(year: number, firstMonth: number, months: number): { from: IsoDate; to: IsoDate } {
  const lastMonth = firstMonth + months - 1;
  return { from: formatIsoDate(year, firstMonth, 1), to: formatIsoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/** `2026-10` (month), `2026-Q3` (quarter), `2026-H2` (half-year): any cadence. */
export function parsePeriod(label: string): DisclosurePeriod | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) return { label, cadence: 'MONTH', ...bounds(Number(m[1]), Number(m[2]), 1) };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return { label, cadence: 'QUARTER', ...bounds(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3) };
  m = /^(\d{4})-H([12])$/.exec(label);
  if (m) return { label, cadence: 'HALF_YEAR', ...bounds(Number(m[1]), (Number(m[2]) - 1) * 6 + 1, 6) };
  return null;
}

/** The period, checked against the kind's cadence (PENALTY_NOTICE takes a month, TYPICAL_CASES a quarter …). */
export function parseDisclosurePeriod(kind: DisclosureKind, label: string): PeriodResult {
  const period = parsePeriod(label);
  if (period === null || Number(period.from.slice(0, 4)) < 2000) {
    return { ok: false, reason: 'INVALID_PERIOD', message: 'a period is written 2026-10 (month), 2026-Q3 (quarter) or 2026-H2 (half-year)' }; // never echo the input
  }
  const cadence = DISCLOSURE_CADENCE[kind];
  if (period.cadence !== cadence) {
    const example = { MONTH: '2026-10', QUARTER: '2026-Q3', HALF_YEAR: '2026-H2' }[cadence];
    return { ok: false, reason: 'PERIOD_CADENCE', message: `${kind} is published per ${cadence.toLowerCase().replace('_', '-')} (e.g. ${example}), not ${label}` };
  }
  return { ok: true, period };
}

/** The last whole period of the kind's cadence before `today` (what a scheduled run on the 1st publishes). */
export function previousPeriod(kind: DisclosureKind, today: IsoDate): DisclosurePeriod {
  const { year, month } = parseIsoDate(today);
  const cadence = DISCLOSURE_CADENCE[kind];
  const months = cadence === 'MONTH' ? 1 : cadence === 'QUARTER' ? 3 : 6;
  const currentFirst = Math.floor((month - 1) / months) * months + 1;
  const lastDayBefore = addDays(formatIsoDate(year, currentFirst, 1), -1);
  const p = parseIsoDate(lastDayBefore);
  const first = Math.floor((p.month - 1) / months) * months + 1;
  const label =
    cadence === 'MONTH' ? `${p.year}-${String(p.month).padStart(2, '0')}` : cadence === 'QUARTER' ? `${p.year}-Q${(first - 1) / 3 + 1}` : `${p.year}-H${first === 1 ? 1 : 2}`;
  return { label, cadence, ...bounds(p.year, first, months) };
}

/** The period of the kind's cadence that contains `today` (a run that keeps the current month's notice up to date). */
export function currentPeriod(kind: DisclosureKind, today: IsoDate): DisclosurePeriod {
  const { year, month } = parseIsoDate(today);
  const months = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6 }[DISCLOSURE_CADENCE[kind]];
  const first = Math.floor((month - 1) / months) * months + 1;
  const lastOfPeriod = formatIsoDate(year, first + months - 1, daysInMonth(year, first + months - 1));
  return previousPeriod(kind, addDays(lastOfPeriod, 1));
}
