import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';

/** A band of amounts in whole yuan, both ends included, and its relative weight. */
export type AmountBand = readonly [minYuan: number, maxYuan: number, weight: number];

/**
 * Amounts spread over bands of different magnitude: a coarse log-uniform shape built from integer draws only
 * (no Math.log or Math.exp, whose last bits may differ between engines), so output stays byte-identical.
 * Amounts are whole yuan expressed in integer fen.
 */
export class AmountDistribution {
  private readonly bands: WeightedChoice<AmountBand>;

  constructor(bands: readonly AmountBand[]) {
    this.bands = new WeightedChoice(bands.map((band) => [band, band[2]] as const));
  }

  drawFen(rng: Prng): number {
    const [min, max] = this.bands.pick(rng);
    return rng.int(min, max) * 100;
  }
}
