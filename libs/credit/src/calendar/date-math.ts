import { daysInMonth, formatIsoDate, fromDayNumber, IsoDate, parseIsoDate, toDayNumber } from './iso-date';

function assertWhole(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertWhole(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Calendar months, clamped to the end of the target month (2026-01-31 + 1 month = 2026-02-28), which is
 * how "6 months" and "12 months" periods in the rules are read: a period never spills into the next month.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertWhole(months, 'months');
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole years as 12-month steps, so 29 February lands on 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  assertWhole(years, 'years');
  return addMonths(date, years * 12);
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1, usable as an Array.prototype.sort comparator. Validates both sides, unlike a bare `<`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 (day 0) was a Thursday. */
export function isoWeekday(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
