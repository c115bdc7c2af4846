import { Profession, SubjectType } from '@app/credit';
import { Prefecture } from '../catalogue/prefectures';
import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';
import { birthDayForAge } from './birth-day';
import { DateWindow } from './date-window';
import { dayOfAge } from './day-of-age';
import { OrganisationProfile } from './organisation-profile';
import { personName } from './person-namer';
import { PersonProfile } from './person-profile';
import { Place, RegionPicker } from './region-picker';
import { ResidentIdFactory } from './resident-id-factory';

const PROFESSIONS = new WeightedChoice([
  [Profession.PHYSICIAN, 42],
  [Profession.NURSE, 22],
  [Profession.PHARMACIST, 20],
  [Profession.TECHNICIAN, 9],
  [Profession.BILLING_STAFF, 7],
]);
const PHARMACISTS_AT_PHARMACIES = 0.85;
// Others at a pharmacy: a physician consulting there 坐堂医, billing staff.
const OTHERS_AT_PHARMACIES = 0.05;
// Most practitioners are registered where they work; the rest moved, and their record follows them.
const REGISTERED_WHERE_EMPLOYED = 0.85;
const ADULT_AGES: readonly [number, number] = [23, 62];
const MIN_EVENT_AGE = 18;

export interface PractitionerInput {
  readonly window: DateWindow;
  readonly count: number;
  readonly organisations: readonly OrganisationProfile[];
  readonly residentIds: ResidentIdFactory;
}

/** Adults with a profession, each employed by one of the organisations (pharmacists mostly at pharmacies). */
export function generatePractitioners(rng: Prng, input: PractitionerInput): PersonProfile[] {
  const { window, organisations, residentIds } = input;
  const institutions = organisations.filter((o) => o.type === SubjectType.MEDICAL_INSTITUTION);
  const pharmacies = organisations.filter((o) => o.type === SubjectType.PHARMACY);
  const regions = new RegionPicker();
  const result: PersonProfile[] = new Array(input.count);
  for (let i = 0; i < input.count; i++) {
    const profession = PROFESSIONS.pick(rng);
    const pharmacist = profession === Profession.PHARMACIST;
    const atPharmacy = rng.chance(pharmacist ? PHARMACISTS_AT_PHARMACIES : OTHERS_AT_PHARMACIES);
    const employer = pickEmployer(rng, atPharmacy ? pharmacies : institutions, atPharmacy ? institutions : pharmacies);
    const { prefecture, regionCode } =
      employer && rng.chance(REGISTERED_WHERE_EMPLOYED) ? employer : registration(regions.pick(rng));
    const male = rng.chance(profession === Profession.NURSE ? 0.1 : 0.55);
    const birthDay = birthDayForAge(rng, window, rng.int(ADULT_AGES[0], ADULT_AGES[1]));
    const residentId = residentIds.make(rng, regionCode, birthDay, male);
    result[i] = {
      item: {
        type: SubjectType.PRACTITIONER,
        name: personName(rng, male),
        residentId,
        regionCode,
        profession,
        ...(employer ? { institutionCreditCode: employer.creditCode } : {}),
      },
      residentId,
      regionCode,
      prefecture,
      floorDay: Math.max(window.startDay, dayOfAge(birthDay, MIN_EVENT_AGE)),
      employer,
    };
  }
  return result;
}

function registration({ prefecture, district }: Place): { prefecture: Prefecture; regionCode: string } {
  return { prefecture, regionCode: district.code };
}

function pickEmployer(
  rng: Prng,
  preferred: readonly OrganisationProfile[],
  fallback: readonly OrganisationProfile[],
): OrganisationProfile | null {
  if (preferred.length > 0) return rng.pick(preferred);
  return fallback.length > 0 ? rng.pick(fallback) : null;
}
