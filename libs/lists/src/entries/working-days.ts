import { AppConfig } from '@app/config';
import { IsoDate, WorkingDayCalendar } from '@app/credit';

/** The configured working-day calendar (PUBLIC_HOLIDAYS, MAKEUP_WORKING_DAYS) for legal deadlines. */
export function workingDayCalendar(config: AppConfig): WorkingDayCalendar {
  const { holidays, extraWorkingDays } = config.workingDays;
  return new WorkingDayCalendar({ holidays: holidays as IsoDate[], extraWorkingDays: extraWorkingDays as IsoDate[] });
}
