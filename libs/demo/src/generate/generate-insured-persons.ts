import { SubjectType } from '@app/credit';
import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';
import { birthDayForAge } from './birth-day';
import { DateWindow } from './date-window';
import { dayOfAge } from './day-of-age';
import { personName } from './person-namer';
import { PersonProfile } from './person-profile';
import { RegionPicker } from './region-picker';
import { ResidentIdFactory } from './resident-id-factory';

// A fixed quota of minors, spread evenly over the indices, so that even a small data set has some: cases
// involving minors are never published (domain.md §7), and the demo must show that.
const MINOR_SHARE = 0.1;
const ADULT_AGE_BANDS = new WeightedChoice<readonly [number, number]>([
  [[18, 24], 10],
  [[25, 69], 70],
  [[70, 89], 20],
]);
// Younger children do not sell medicines or settle under another's name; a 14-year-old can.
const MIN_EVENT_AGE = 14;

/** Insured persons across the regions, a tenth of them minors. */
export function generateInsuredPersons(
  rng: Prng,
  window: DateWindow,
  count: number,
  residentIds: ResidentIdFactory,
): PersonProfile[] {
  const regions = new RegionPicker();
  const result: PersonProfile[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const { prefecture, district } = regions.pick(rng);
    const male = rng.chance(0.5);
    const birthDay = birthDayForAge(rng, window, age(rng, i));
    const residentId = residentIds.make(rng, district.code, birthDay, male);
    result[i] = {
      item: { type: SubjectType.INSURED_PERSON, name: personName(rng, male), residentId, regionCode: district.code },
      residentId,
      regionCode: district.code,
      prefecture,
      floorDay: Math.max(window.startDay, dayOfAge(birthDay, MIN_EVENT_AGE)),
      employer: null,
    };
  }
  return result;
}

function age(rng: Prng, index: number): number {
  if (Math.floor((index + 1) * MINOR_SHARE) > Math.floor(index * MINOR_SHARE)) return rng.int(0, 17);
  const [min, max] = ADULT_AGE_BANDS.pick(rng);
  return rng.int(min, max);
}
