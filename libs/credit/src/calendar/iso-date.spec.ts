import {
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  toDayNumber,
  tryParseIsoDate,
} from './iso-date';

describe('isIsoDate', () => {
  it.each([
    ['2026-01-01', true],
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not 400
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-1', false],
    ['20260101', false],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['2026-01-01\n', false],
    ['２０２６-01-01', false], // full-width digits are not digits here
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([[null], [undefined], [20260101], [new Date('2026-01-01')], [{}]])('rejects the non-string %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isLeapYear and daysInMonth', () => {
  it.each([
    [2024, true],
    [2026, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('%i leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    [1, 31], [3, 31], [4, 30], [5, 31], [6, 30], [7, 31], [8, 31], [9, 30], [10, 31], [11, 30], [12, 31],
  ])('month %i has %i days', (month, days) => {
    expect(daysInMonth(2026, month)).toBe(days);
  });
});

describe('parsing and formatting', () => {
  it('parses a real date into parts', () => {
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
    expect(tryParseIsoDate('2026-02-30')).toBeNull();
  });

  it.each([['2026-02-30'], ['not a date'], ['']])('parseIsoDate throws a RangeError for %j', (value) => {
    expect(() => parseIsoDate(value)).toThrow(RangeError);
  });

  it('pads years, months and days', () => {
    expect(formatIsoDate(987, 3, 5)).toBe('0987-03-05');
  });

  it('refuses years that do not fit YYYY', () => {
    expect(() => formatIsoDate(10000, 1, 1)).toThrow(RangeError);
  });

  it.each([
    ['1970-01-01', 0],
    ['2026-01-01', 20454],
    ['1949-12-31', -7306],
  ])('%s round-trips through day number %i', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('fromDayNumber refuses fractions', () => {
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});
