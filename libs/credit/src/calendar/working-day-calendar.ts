import { weekdayOfDayNumber } from './date-math';
import { fromDayNumber, IsoDate, toDayNumber } from './iso-date';

export interface WorkingDayCalendarOptions {
  /** Public holidays (法定节假日 and the days moved next to them), e.g. 2025-10-01 … 2025-10-08. */
  holidays?: Iterable<IsoDate>;
  /** Weekend days declared working days (调休上班), e.g. Sunday 2025-09-28. */
  extraWorkingDays?: Iterable<IsoDate>;
}

/**
 * Working days for legal deadlines such as "within 3 working days" (domain.md sections 5 and 6). The State
 * Council publishes the holiday arrangement every year, so it is data handed in, never hard-coded here;
 * without data, Monday to Friday are working days.
 */
export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<number>;
  private readonly extraWorkingDays: ReadonlySet<number>;

  constructor(options: WorkingDayCalendarOptions = {}) {
    this.holidays = toDayNumberSet(options.holidays);
    this.extraWorkingDays = toDayNumberSet(options.extraWorkingDays);
    for (const day of this.holidays) {
      // A day cannot be both; silently picking one would hide a mistake in the configured arrangement.
      if (this.extraWorkingDays.has(day)) {
        throw new RangeError(`${fromDayNumber(day)} is listed both as a holiday and as a working day`);
      }
    }
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /**
   * The n-th working day after `date` (before it when n is negative); `date` itself is never counted, so
   * "within 3 working days of a revocation" ends on addWorkingDays(revokedOn, 3). n = 0 returns `date`.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = toDayNumber(date);
    for (let remaining = Math.abs(n); remaining > 0; ) {
      day += step;
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return fromDayNumber(day);
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.extraWorkingDays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    return weekdayOfDayNumber(day) <= 5;
  }
}

function toDayNumberSet(dates: Iterable<IsoDate> | undefined): ReadonlySet<number> {
  const set = new Set<number>();
  for (const date of dates ?? []) set.add(toDayNumber(date));
  return set;
}
