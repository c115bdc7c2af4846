import { addMonths, addYears, EARLIEST_BUSINESS_DATE, toDayNumber } from '@app/credit';
import { Prng } from '../random/prng';
import { DateWindow } from './date-window';

// Share of organisations whose agreement is younger than 6 months (NOT_RATED, domain.md §2).
const RECENT_SHARE = 0.05;
const SIGNED_2_TO_20_YEARS_AGO = 0.8;

/**
 * When the organisation's designated-service agreement was signed: mostly years ago, a fixed quota within the
 * last 6 months. The quota is spread evenly over the indices (not drawn) so a small data set still has some.
 */
export function agreementDay(rng: Prng, window: DateWindow, index: number): number {
  const sixMonthsAgo = toDayNumber(addMonths(window.today, -6));
  if (Math.floor((index + 1) * RECENT_SHARE) > Math.floor(index * RECENT_SHARE)) {
    return rng.int(sixMonthsAgo + 1, window.todayDay);
  }
  const twoYearsAgo = toDayNumber(addYears(window.today, -2));
  const earliest = Math.max(toDayNumber(addYears(window.today, -20)), toDayNumber(EARLIEST_BUSINESS_DATE));
  if (rng.chance(SIGNED_2_TO_20_YEARS_AGO) && earliest < twoYearsAgo) return rng.int(earliest, twoYearsAgo);
  const from = Math.max(earliest, twoYearsAgo);
  return rng.int(from, Math.max(from, sixMonthsAgo)); // the max only matters for a `today` in 1990–1991
}
