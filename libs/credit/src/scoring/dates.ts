/**
 * Private date arithmetic for the hot scoring loop (a full rescore touches millions of events): dates stay
 * 'YYYY-MM-DD' strings that compare correctly as strings, and are never turned into Date objects.
 * Inputs are trusted (validated on ingest). Same month-end clamping as libs/credit/src/calendar:
 * 2024-08-31 + 6 months = 2025-02-28, so a period never spills into the following month.
 */

import { daysInMonth } from '../calendar/iso-date';

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function format(year: number, month: number, day: number): string {
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

export function yearOf(date: string): number {
  return digitsAt(date, 0, 4);
}

/** Calendar months forward (or back, when negative), clamped to the end of the target month. */
export function addMonths(date: string, months: number): string {
  const monthIndex = digitsAt(date, 0, 4) * 12 + digitsAt(date, 5, 2) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return format(year, month, Math.min(digitsAt(date, 8, 2), daysInMonth(year, month)));
}

/** The day before: turns an exclusive period end into the last day of the period. */
export function previousDay(date: string): string {
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (day > 1) return format(year, month, day - 1);
  if (month > 1) return format(year, month - 1, daysInMonth(year, month - 1));
  return format(year - 1, 12, 31);
}

/** Whole days forward or back (rare path: only for `suspensionDays`), via day numbers. */
export function addDays(date: string, days: number): string {
  let year = digitsAt(date, 0, 4);
  let month = digitsAt(date, 5, 2);
  let day = digitsAt(date, 8, 2) + days;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  while (day < 1) {
    if (--month < 1) [year, month] = [year - 1, 12];
    day += daysInMonth(year, month);
  }
  return format(year, month, day);
}

/**
 * The last day of a period of `months` starting on `start`: the day before `addMonths(start, months)`.
 * All "…Until" dates of this library are such inclusive last days.
 */
export function lastDayOfMonths(start: string, months: number): string {
  return previousDay(addMonths(start, months));
}
