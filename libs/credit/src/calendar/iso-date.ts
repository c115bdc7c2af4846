import { DateParts, dayNumberFromParts, partsFromDayNumber } from './day-number';

/**
 * Business dates are Asia/Shanghai calendar dates written 'YYYY-MM-DD' (domain.md section 8). Strings of
 * this shape sort and compare correctly as strings, which is why the rest of the library keeps them as is.
 */
export type IsoDate = string;


export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parts of a real calendar date, or null: '2026-02-30' and '2026-2-3' are not dates. */
export function tryParseIsoDate(value: unknown): DateParts | null {
  // Hand-parsed rather than by regular expression: validation parses several dates per ingested row.
  if (typeof value !== 'string' || value.length !== 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null; // '-'
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The decimal value of text[from, to), or -1 if any character is not an ASCII digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return tryParseIsoDate(value) !== null;
}

// Arithmetic on a non-date is a programming error upstream (input is validated at the edge), so it throws.
export function parseIsoDate(value: string): DateParts {
  const parts = tryParseIsoDate(value);
  if (!parts) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  return parts;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) throw new RangeError(`Year out of the YYYY range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01; lets callers do many comparisons or steps on integers. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberFromParts(year, month, day);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Not a whole day number: ${dayNumber}`);
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatIsoDate(year, month, day);
}
