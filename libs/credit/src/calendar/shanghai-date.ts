import { fromDayNumber, IsoDate, toDayNumber } from './iso-date';

// China has used UTC+8 all year since 1991 (no DST), so a fixed offset is exact for every business date and
// avoids Intl, which is slow per call and depends on the ICU data of the runtime.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date of an instant: 2026-01-01T16:00:00Z is already 2026-01-02 there. */
export function shanghaiDate(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** The UTC instant at which a Shanghai calendar date begins (00:00 +08:00), for range queries on timestamps. */
export function shanghaiStartOfDay(date: IsoDate): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}
