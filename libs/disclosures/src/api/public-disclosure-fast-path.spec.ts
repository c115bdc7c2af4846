import { shanghaiDate } from '@app/credit';
import { shanghaiDayNumber } from '../cache/public-view-cache';
import { acceptsGzip } from './public-disclosure-fast-path';

describe('the public fast path helpers', () => {
  it('acceptsGzip reads Accept-Encoding as RFC 9110 does (q=0 refuses)', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('the day number changes at Shanghai midnight (16:00 UTC), as shanghaiDate does', () => {
    const before = Date.parse('2026-03-01T15:59:59.999Z');
    const after = Date.parse('2026-03-01T16:00:00.000Z');
    expect(shanghaiDayNumber(after)).toBe(shanghaiDayNumber(before) + 1);
    expect(shanghaiDate(new Date(before))).toBe('2026-03-01');
    expect(shanghaiDate(new Date(after))).toBe('2026-03-02');
  });
});
