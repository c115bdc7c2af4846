// TEMPORARY stand-in until the list rules land (helper branch); replaced by the real implementation at merge.
import { WorkingDayCalendar } from '../calendar';
import { IsoDate } from '../calendar';
import { ListRules } from './list-rules';
export function objectionDeadline(calendar: WorkingDayCalendar, notifiedOn: string, rules: ListRules): string {
  return calendar.addWorkingDays(notifiedOn as IsoDate, rules.severeDishonesty.objectionWorkingDays);
}
export function repairDecisionDeadline(calendar: WorkingDayCalendar, appliedOn: string, rules: ListRules): string {
  return calendar.addWorkingDays(appliedOn as IsoDate, rules.repair.decisionWorkingDays);
}
