import { addDays, addMonths, addYears, compareDates, daysBetween, isoWeekday, yearOf } from './date-math';

describe('addDays', () => {
  it.each([
    ['2026-01-01', 1, '2026-01-02'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-01-01', 0, '2026-01-01'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses fractional days and invalid dates', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonths clamps to the end of the month', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2026-05-20', -12, '2025-05-20'],
    ['2026-05-20', 0, '2026-05-20'],
    ['2026-05-20', 24, '2028-05-20'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('refuses fractional months', () => {
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('addYears', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-06-30', 3, '2029-06-30'],
    ['2026-06-30', -1, '2025-06-30'],
  ])('%s + %i years = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-02', 1],
    ['2026-01-02', '2026-01-01', -1],
    ['2024-02-01', '2024-03-01', 29],
    ['2026-02-01', '2026-03-01', 28],
    ['2025-01-01', '2026-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
  ])('from %s to %s is %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('compareDates', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
  ] as const)('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('sorts dates chronologically', () => {
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual(['2025-12-31', '2026-01-15', '2026-03-01']);
  });

  it('refuses a non-date instead of comparing strings', () => {
    expect(() => compareDates('2026-1-1', '2026-01-01')).toThrow(RangeError);
  });
});

describe('yearOf and isoWeekday', () => {
  it.each([
    ['2026-01-01', 2026, 4], // Thursday
    ['2025-09-28', 2025, 7], // Sunday
    ['2025-10-11', 2025, 6], // Saturday
    ['2024-02-29', 2024, 4], // Thursday
    ['1969-12-29', 1969, 1], // Monday, before day 0
  ])('%s is in %i, ISO weekday %i', (date, year, weekday) => {
    expect(yearOf(date)).toBe(year);
    expect(isoWeekday(date)).toBe(weekday);
  });
});
