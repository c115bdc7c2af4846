import { WorkingDayCalendar } from '../calendar';
import { ListRules } from '../rules';

/**
 * Last day (inclusive) on which a subject notified of its coming SEVERE_DISHONESTY entry may object: 10 working
 * days after the notice, the day of the notice not counted (domain.md §5, [D on 条例 Art.31]). Holidays and
 * make-up working days come from the calendar's data.
 */
export function objectionDeadline(calendar: WorkingDayCalendar, notifiedOn: string, rules: ListRules): string {
  return calendar.addWorkingDays(notifiedOn, rules.severeDishonesty.objectionWorkingDays);
}

/** Last day (inclusive) to decide a credit-repair application: 15 working days after it (发改委令第36号). */
export function repairDecisionDeadline(calendar: WorkingDayCalendar, appliedOn: string, rules: ListRules): string {
  return calendar.addWorkingDays(appliedOn, rules.repair.decisionWorkingDays);
}
