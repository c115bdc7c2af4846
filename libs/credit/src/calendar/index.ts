export type { DateParts } from './day-number';
export type { IsoDate } from './iso-date';
export {
  isLeapYear,
  daysInMonth,
  tryParseIsoDate,
  isIsoDate,
  parseIsoDate,
  formatIsoDate,
  toDayNumber,
  fromDayNumber,
} from './iso-date';
export { addDays, addMonths, addYears, daysBetween, compareDates, yearOf, isoWeekday } from './date-math';
export { shanghaiDate, shanghaiStartOfDay } from './shanghai-date';
export { WorkingDayCalendar } from './working-day-calendar';
export type { WorkingDayCalendarOptions } from './working-day-calendar';
