import { dayNumberFromParts, partsFromDayNumber } from './day-number';

const MS_PER_DAY = 86_400_000;

describe('day numbers', () => {
  it.each([
    [1970, 1, 1, 0],
    [1969, 12, 31, -1],
    [2000, 3, 1, 11017],
    [2026, 1, 1, 20454],
    [1900, 3, 1, -25508],
  ])('%i-%i-%i is day %i', (year, month, day, expected) => {
    expect(dayNumberFromParts(year, month, day)).toBe(expected);
    expect(partsFromDayNumber(expected)).toEqual({ year, month, day });
  });

  // Date.UTC is an independent implementation of the same proleptic calendar: every day from 1899 to 2101
  // must agree both ways, which covers the 1900 (not leap) and 2000 (leap) century rules.
  it('agrees with Date.UTC on every day from 1899 to 2101', () => {
    const first = Date.UTC(1899, 0, 1) / MS_PER_DAY;
    const last = Date.UTC(2101, 11, 31) / MS_PER_DAY;
    let mismatches = 0;
    for (let n = first; n <= last; n++) {
      const d = new Date(n * MS_PER_DAY);
      const parts = partsFromDayNumber(n);
      if (parts.year !== d.getUTCFullYear() || parts.month !== d.getUTCMonth() + 1 || parts.day !== d.getUTCDate()) mismatches++;
      if (dayNumberFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) !== n) mismatches++;
    }
    expect(last - first).toBeGreaterThan(73_000);
    expect(mismatches).toBe(0);
  });
});
