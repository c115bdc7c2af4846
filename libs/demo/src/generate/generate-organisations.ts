import { SubjectType } from '@app/credit';
import { Prng } from '../random/prng';
import { agreementDay } from './agreement-day';
import { CreditCodeFactory } from './credit-code-factory';
import { DateWindow } from './date-window';
import { DemoSizes } from './demo-sizes';
import { OrganisationNamer } from './organisation-namer';
import { OrganisationProfile } from './organisation-profile';
import { RegionPicker } from './region-picker';

/** Institutions first, then pharmacies, each with a unique credit code registered in its district. */
export function generateOrganisations(rng: Prng, window: DateWindow, sizes: DemoSizes): OrganisationProfile[] {
  const regions = new RegionPicker();
  const namer = new OrganisationNamer();
  const codes = new CreditCodeFactory();
  const total = sizes.institutions + sizes.pharmacies;
  const result: OrganisationProfile[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const type = i < sizes.institutions ? SubjectType.MEDICAL_INSTITUTION : SubjectType.PHARMACY;
    const place = regions.pick(rng);
    const { name, category } = namer.make(rng, type, place);
    const creditCode = codes.make(rng, category, place.district.code);
    const signedDay = agreementDay(rng, window, i);
    result[i] = {
      item: { type, name, creditCode, regionCode: place.district.code, agreementSignedOn: window.iso(signedDay) },
      type,
      creditCode,
      regionCode: place.district.code,
      prefecture: place.prefecture,
      signedDay,
      floorDay: Math.max(window.startDay, signedDay),
      penaltyCases: [],
    };
  }
  return result;
}
