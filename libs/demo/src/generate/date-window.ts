import { addYears, fromDayNumber, IsoDate, toDayNumber } from '@app/credit';

/**
 * The event period as day numbers (days since 1970-01-01), so that date arithmetic is integer arithmetic.
 * The date strings of the period are made once each and shared by every event on that day: at scale 100 that
 * saves hundreds of thousands of identical strings.
 */
export class DateWindow {
  readonly todayDay: number;
  /** The first day of the period: `years` years before today. */
  readonly startDay: number;
  private readonly strings: Array<string | undefined>;

  constructor(
    readonly today: IsoDate,
    years: number,
  ) {
    this.todayDay = toDayNumber(today);
    this.startDay = toDayNumber(addYears(today, -years));
    this.strings = new Array<string | undefined>(this.length);
  }

  /** Number of days in the period, today included. */
  get length(): number {
    return this.todayDay - this.startDay + 1;
  }

  iso(day: number): IsoDate {
    const offset = day - this.startDay;
    if (offset < 0 || day > this.todayDay) return fromDayNumber(day);
    return (this.strings[offset] ??= fromDayNumber(day));
  }
}
