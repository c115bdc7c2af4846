import { addYears, EARLIEST_BUSINESS_DATE, IsoDate, isIsoDate } from '@app/credit';
import { DemoOptions } from '../demo-data-set';

export interface ResolvedOptions {
  seed: number;
  scale: number;
  today: IsoDate;
  years: number;
}

export const DEFAULT_SEED = 1;
const DEFAULT_YEARS = 3;
const MAX_YEARS = 30;

/** Defaults applied and every option checked: a bad option is a caller bug, so it throws. */
export function resolveOptions(options: DemoOptions): ResolvedOptions {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const years = options.years ?? DEFAULT_YEARS;
  if (!isIsoDate(options.today)) throw new RangeError('today must be a YYYY-MM-DD date');
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError('scale must be a finite number > 0');
  if (!Number.isSafeInteger(years) || years < 1 || years > MAX_YEARS) {
    throw new RangeError(`years must be a whole number from 1 to ${MAX_YEARS}`);
  }
  // Every generated date must pass the validators, which refuse dates before EARLIEST_BUSINESS_DATE.
  if (addYears(options.today, -years) < EARLIEST_BUSINESS_DATE) {
    throw new RangeError(`today minus years must not be before ${EARLIEST_BUSINESS_DATE}`);
  }
  return { seed, scale, today: options.today, years };
}
