import { Prng } from './prng';
import { WeightedChoice } from './weighted-choice';
import { WeightedSampler } from './weighted-sampler';

describe('WeightedSampler', () => {
  it('draws indices in proportion to their weights and never a zero weight', () => {
    const sampler = new WeightedSampler([0, 1, 3, 0]);
    const rng = new Prng(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[sampler.sample(rng)]++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    expect(counts[2] / counts[1]).toBeCloseTo(3, 0);
  });

  it('refuses negative, non-finite or all-zero weights', () => {
    expect(() => new WeightedSampler([1, -1])).toThrow(RangeError);
    expect(() => new WeightedSampler([1, Number.NaN])).toThrow(RangeError);
    expect(() => new WeightedSampler([1, Infinity])).toThrow(RangeError);
    expect(() => new WeightedSampler([0, 0])).toThrow(RangeError);
    expect(() => new WeightedSampler([])).toThrow(RangeError);
  });
});

describe('WeightedChoice', () => {
  it('picks values by weight', () => {
    const choice = new WeightedChoice([['rare', 1], ['common', 9]] as const);
    const rng = new Prng(4);
    const common = Array.from({ length: 10_000 }, () => choice.pick(rng)).filter((v) => v === 'common').length;
    expect(common).toBeGreaterThan(8700);
    expect(common).toBeLessThan(9300);
  });
});
