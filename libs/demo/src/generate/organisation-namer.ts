import { SubjectType } from '@app/credit';
import { chineseNumeral } from '../catalogue/chinese-numeral';
import { ORGANISATION_NAME_PARTS as PARTS } from '../catalogue/organisation-name-parts';
import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';
import { CreditCodeCategory } from './credit-code-factory';
import { Place } from './region-picker';

export interface OrganisationIdentity {
  name: string;
  category: CreditCodeCategory;
}

type Template = (rng: Prng, place: Place) => OrganisationIdentity;

const publicBody = (name: string): OrganisationIdentity => ({ name, category: '12' });
const prefix = ({ prefecture, district }: Place): string => prefecture.city + district.name;

// Public hospitals and community centres are 事业单位; private ones are non-profits or companies.
const INSTITUTION_TEMPLATES = new WeightedChoice<Template>([
  [(rng, place) => publicBody(`${prefix(place)}第${chineseNumeral(rng.int(1, 6))}人民医院`), 18],
  [(_rng, place) => publicBody(`${prefix(place)}人民医院`), 5],
  [(_rng, place) => publicBody(`${prefix(place)}中医医院`), 7],
  [(_rng, place) => publicBody(`${prefix(place)}妇幼保健院`), 4],
  [(rng, place) => publicBody(`${prefix(place)}${rng.pick(PARTS.streets)}街道社区卫生服务中心`), 30],
  [
    (rng, { prefecture }) => ({
      name: `${prefecture.shortCity}${rng.pick(PARTS.brandWords)}${rng.pick(PARTS.hospitalSpecialties)}医院`,
      category: rng.chance(0.5) ? '52' : '91',
    }),
    18,
  ],
  [
    (rng, place) => ({
      name: `${prefix(place)}${rng.pick(PARTS.brandWords)}${rng.pick(PARTS.clinicKinds)}`,
      category: rng.chance(0.7) ? '91' : '92',
    }),
    18,
  ],
]);

/**
 * Realistic, unique organisation names. A name already given gets a branch suffix (第二院区, 朝阳二店): the
 * demo's search and disclosure screens are easier to read when no two organisations share a name.
 */
export class OrganisationNamer {
  private readonly seen = new Map<string, number>();

  make(rng: Prng, type: SubjectType, place: Place): OrganisationIdentity {
    return type === SubjectType.PHARMACY ? this.pharmacy(rng, place) : this.institution(rng, place);
  }

  private institution(rng: Prng, place: Place): OrganisationIdentity {
    const identity = INSTITUTION_TEMPLATES.pick(rng)(rng, place);
    const n = this.occurrence(identity.name);
    return n === 1 ? identity : { ...identity, name: `${identity.name}(第${chineseNumeral(n)}院区)` };
  }

  private pharmacy(rng: Prng, { prefecture, district }: Place): OrganisationIdentity {
    const brand = rng.pick(PARTS.pharmacyBrands);
    const chain = rng.chance(0.5) ? `${prefecture.shortCity}${brand}大药房` : `${brand}大药房`;
    const base = `${chain}(${district.shortName}`;
    const n = this.occurrence(base);
    const name = `${base}${n === 1 ? '' : chineseNumeral(n)}店)`;
    // Most pharmacies are companies; a few single shops are 个体工商户.
    return { name, category: rng.chance(0.8) ? '91' : '92' };
  }

  /** 1 the first time a name is asked for, then 2, 3, … */
  private occurrence(name: string): number {
    const n = (this.seen.get(name) ?? 0) + 1;
    this.seen.set(name, n);
    return n;
  }
}
