import { WorkingDayCalendar } from './working-day-calendar';

// National Day / Mid-Autumn 2025 as published by the State Council General Office (国办发明电〔2024〕12号):
// 1–8 October off; Sunday 28 September and Saturday 11 October are working days.
const nationalDay2025 = new WorkingDayCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  extraWorkingDays: ['2025-09-28', '2025-10-11'],
});

describe('WorkingDayCalendar without holiday data', () => {
  const weekends = new WorkingDayCalendar();

  it.each([
    ['2026-01-05', true], // Monday
    ['2026-01-09', true], // Friday
    ['2026-01-10', false], // Saturday
    ['2026-01-11', false], // Sunday
  ])('%s working: %s', (date, expected) => {
    expect(weekends.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-01-09', 1, '2026-01-12'], // Friday + 1 = Monday
    ['2026-01-10', 1, '2026-01-12'], // from a Saturday
    ['2026-01-05', 5, '2026-01-12'],
    ['2026-01-05', 10, '2026-01-19'],
    ['2026-01-12', -1, '2026-01-09'],
    ['2026-01-11', 0, '2026-01-11'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(weekends.addWorkingDays(date, n)).toBe(expected);
  });
});

describe('WorkingDayCalendar with a Chinese holiday and make-up days', () => {
  it.each([
    ['2025-09-26', true], // Friday
    ['2025-09-27', false], // ordinary Saturday
    ['2025-09-28', true], // make-up Sunday 调休上班
    ['2025-09-30', true],
    ['2025-10-01', false],
    ['2025-10-06', false], // a Monday inside the holiday
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true], // make-up Saturday
    ['2025-10-12', false], // ordinary Sunday
  ])('%s working: %s', (date, expected) => {
    expect(nationalDay2025.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2025-09-26', 1, '2025-09-28'], // Friday + 1 lands on the make-up Sunday
    ['2025-09-30', 1, '2025-10-09'], // jumps the whole holiday
    ['2025-09-30', 3, '2025-10-11'], // Thu, Fri, make-up Saturday
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-10-03', 3, '2025-10-11'], // counting starts inside the holiday
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-10-09', -2, '2025-09-29'],
    ['2025-09-29', -1, '2025-09-28'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(nationalDay2025.addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses a day that is both a holiday and a working day', () => {
    expect(() => new WorkingDayCalendar({ holidays: ['2025-10-01'], extraWorkingDays: ['2025-10-01'] })).toThrow(RangeError);
  });

  it('refuses invalid configuration dates and fractional counts', () => {
    expect(() => new WorkingDayCalendar({ holidays: ['2025-02-30'] })).toThrow(RangeError);
    expect(() => nationalDay2025.addWorkingDays('2025-09-30', 1.5)).toThrow(RangeError);
  });
});
