import { addYears, fromDayNumber, toDayNumber } from '@app/credit';

/** The day (day number) on which someone born on `birthDay` turns `age`. */
export function dayOfAge(birthDay: number, age: number): number {
  return toDayNumber(addYears(fromDayNumber(birthDay), age));
}
