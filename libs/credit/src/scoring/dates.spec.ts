import { addDays, addMonths, lastDayOfMonths, previousDay, yearOf } from './dates';

describe('scoring dates', () => {
  it.each([
    ['2025-03-10', 12, '2026-03-10'],
    ['2024-01-31', 1, '2024-02-29'], // leap year: clamped to 29 February
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-06-30', -36, '2022-06-30'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2025-03-02', '2025-03-01'],
    ['2025-03-01', '2025-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2025-01-01', '2024-12-31'],
  ])('previousDay(%s) = %s', (date, expected) => {
    expect(previousDay(date)).toBe(expected);
  });

  it.each([
    ['2025-01-30', 3, '2025-02-02'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 366, '2025-02-28'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-01', -367, '2023-12-31'], // 2024 is a leap year,
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-03-10', 1, '2025-04-09'],
    ['2025-12-10', 3, '2026-03-09'],
    ['2024-02-29', 12, '2025-02-27'],
  ])('lastDayOfMonths(%s, %i) = %s', (date, months, expected) => {
    expect(lastDayOfMonths(date, months)).toBe(expected);
  });

  it('reads the year without parsing a Date', () => {
    expect(yearOf('2026-01-01')).toBe(2026);
  });
});
