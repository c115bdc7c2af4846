import { District, Prefecture, PREFECTURES } from '../catalogue/prefectures';
import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';

export interface Place {
  readonly prefecture: Prefecture;
  readonly district: District;
}

/** Draws a district: a prefecture by its weight, then one of its districts uniformly. */
export class RegionPicker {
  private readonly prefectures = new WeightedChoice(PREFECTURES.map((p) => [p, p.weight] as const));

  pick(rng: Prng): Place {
    const prefecture = this.prefectures.pick(rng);
    return { prefecture, district: rng.pick(prefecture.districts) };
  }
}
