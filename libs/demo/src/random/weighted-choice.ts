import { UniformSource } from './uniform-source';
import { WeightedSampler } from './weighted-sampler';

/** A categorical table, e.g. the mix of event types: draws a value with probability proportional to its weight. */
export class WeightedChoice<T> {
  private readonly values: readonly T[];
  private readonly sampler: WeightedSampler;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = entries.map(([value]) => value);
    this.sampler = new WeightedSampler(entries.map(([, weight]) => weight));
  }

  pick(random: UniformSource): T {
    return this.values[this.sampler.sample(random)];
  }
}
