import { ListRules } from '../rules';
import { lastDayOfMonths } from '../scoring/dates';
import { ListSeverity } from './list-kind';

/**
 * The inclusive last day of publication of information that holds from `effectiveFrom`: the publication period of
 * its severity (severe 36 months, general 12 by default, 发改委令第36号) minus one day, so an entry of 2025-03-10
 * is published up to and including 2028-03-09 and is gone on 2028-03-10.
 */
export function plannedPublicationEnd(effectiveFrom: string, severity: ListSeverity, rules: ListRules): string {
  const months = severity === ListSeverity.SEVERE ? rules.severeDishonesty.publicationMonths : rules.general.publicationMonths;
  return lastDayOfMonths(effectiveFrom, months);
}
