import { ageOn, isMinorOn } from './age';

describe('ageOn', () => {
  it.each([
    ['1949-12-31', '2026-01-01', 76],
    ['1949-12-31', '2025-12-30', 75],
    ['1949-12-31', '2025-12-31', 76], // the birthday counts
    ['2008-06-15', '2026-06-14', 17],
    ['2008-06-15', '2026-06-15', 18],
    ['2008-02-29', '2026-02-28', 17], // leap-day birth, common year
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-29', 20],
    ['2026-01-01', '2026-01-01', 0],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('refuses a date before birth and invalid dates', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(RangeError);
    expect(() => ageOn('2000-02-30', '2026-01-01')).toThrow(RangeError);
  });
});

describe('isMinorOn (18 from the day after the 18th birthday)', () => {
  it.each([
    ['2008-06-15', '2026-06-14', true],
    ['2008-06-15', '2026-06-15', true], // the birthday itself still counts as a minor
    ['2008-06-15', '2026-06-16', false],
    ['2008-02-29', '2026-03-01', true], // first day of 18 by the ordinary count
    ['2008-02-29', '2026-03-02', false],
    ['1990-06-15', '2026-06-15', false], // other birthdays are not special
    ['2010-01-01', '2009-12-31', true], // decided before birth: a data error, kept unpublished
  ])('born %s, on %s: %s', (birth, on, minor) => {
    expect(isMinorOn(birth, on)).toBe(minor);
  });
});
