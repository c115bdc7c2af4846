import { Prng } from './prng';
import { ZipfSampler } from './zipf-sampler';

function frequencies(sampler: ZipfSampler, draws: number, seed = 1): number[] {
  const rng = new Prng(seed);
  const counts = new Array<number>(sampler.n + 1).fill(0);
  for (let i = 0; i < draws; i++) counts[sampler.sample(rng)]++;
  return counts;
}

describe('ZipfSampler', () => {
  it('draws ranks from 1 to n with frequencies close to 1 / k^s', () => {
    const sampler = new ZipfSampler(50, 1.2);
    const counts = frequencies(sampler, 100_000);
    expect(counts[0]).toBe(0);
    for (const k of [1, 2, 5, 10]) {
      expect(counts[k] / 100_000).toBeCloseTo(sampler.probability(k), 2);
    }
    // The head is heavy and the tail thin, but present.
    expect(counts[1]).toBeGreaterThan(counts[2]);
    expect(counts[2]).toBeGreaterThan(counts[10]);
    expect(counts[50]).toBeGreaterThan(0);
  });

  it('has probabilities that sum to 1 and fall with the rank', () => {
    const sampler = new ZipfSampler(20, 1, 2);
    let sum = 0;
    for (let k = 1; k <= 20; k++) {
      sum += sampler.probability(k);
      if (k > 1) expect(sampler.probability(k)).toBeLessThan(sampler.probability(k - 1));
    }
    expect(sum).toBeCloseTo(1, 10);
    expect(sampler.probability(0)).toBe(0);
    expect(sampler.probability(21)).toBe(0);
  });

  it('flattens the head with an offset and is uniform with exponent 0', () => {
    expect(new ZipfSampler(10, 1, 5).probability(1)).toBeLessThan(new ZipfSampler(10, 1).probability(1));
    expect(new ZipfSampler(4, 0).probability(3)).toBeCloseTo(0.25, 10);
  });

  it('is deterministic for a seeded source', () => {
    const sampler = new ZipfSampler(1000, 1.1);
    expect(frequencies(sampler, 1000, 5)).toEqual(frequencies(sampler, 1000, 5));
  });

  it('refuses impossible parameters', () => {
    expect(() => new ZipfSampler(0)).toThrow(RangeError);
    expect(() => new ZipfSampler(2.5)).toThrow(RangeError);
    expect(() => new ZipfSampler(10, -1)).toThrow(RangeError);
    expect(() => new ZipfSampler(10, 1, -1)).toThrow(RangeError);
  });
});
