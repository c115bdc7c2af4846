import { shanghaiDate, shanghaiStartOfDay } from './shanghai-date';

describe('shanghaiDate', () => {
  it.each([
    ['2026-01-01T15:59:59.999Z', '2026-01-01'],
    ['2026-01-01T15:59:59Z', '2026-01-01'],
    ['2026-01-01T16:00:00Z', '2026-01-02'],
    ['2025-12-31T16:00:00Z', '2026-01-01'], // New Year in Shanghai while still 2025 in UTC
    ['2025-12-31T15:59:59Z', '2025-12-31'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
    ['2026-07-01T00:00:00+08:00', '2026-07-01'],
    ['1969-12-31T16:00:00Z', '1970-01-01'],
    ['1969-12-31T15:59:59Z', '1969-12-31'], // negative epoch milliseconds
  ])('%s is %s in Shanghai', (instant, expected) => {
    expect(shanghaiDate(new Date(instant))).toBe(expected);
  });

  it('agrees with Intl for Asia/Shanghai on a spread of instants', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const start = Date.UTC(1995, 0, 1);
    const step = 7 * 3_600_000 + 13 * 60_000 + 17_000; // an odd step so that every hour of the day is hit
    for (let ms = start, i = 0; i < 5000; i++, ms += step * 11) {
      const instant = new Date(ms);
      expect(shanghaiDate(instant)).toBe(intl.format(instant));
    }
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('shanghaiStartOfDay', () => {
  it.each([
    ['2026-01-02', '2026-01-01T16:00:00.000Z'],
    ['2026-01-01', '2025-12-31T16:00:00.000Z'],
  ])('%s begins at %s', (date, expected) => {
    const start = shanghaiStartOfDay(date);
    expect(start.toISOString()).toBe(expected);
    expect(shanghaiDate(start)).toBe(date);
    expect(shanghaiDate(new Date(start.getTime() - 1))).not.toBe(date);
  });
});
