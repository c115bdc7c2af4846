import { addYears, toDayNumber } from '@app/credit';
import { Prng } from '../random/prng';
import { DateWindow } from './date-window';

/** A birth day (day number) of someone who is exactly `age` completed years old today. */
export function birthDayForAge(rng: Prng, window: DateWindow, age: number): number {
  const latest = toDayNumber(addYears(window.today, -age));
  const earliest = toDayNumber(addYears(window.today, -(age + 1))) + 1;
  return rng.int(earliest, latest);
}
