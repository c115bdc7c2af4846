import { UniformSource } from './uniform-source';
import { WeightedSampler } from './weighted-sampler';

/**
 * Zipf–Mandelbrot ranks: draws k from 1 to n with probability proportional to 1 / (k + offset)^exponent.
 * exponent 1 and offset 0 is classic Zipf; a larger exponent concentrates more on the first ranks, a positive
 * offset flattens the head. Used for "most have little, a few have a lot": events per subject, surnames, and
 * in benchmarks for skewed look-ups (sample a rank, use it as an index into a shuffled key list).
 */
export class ZipfSampler {
  private readonly sampler: WeightedSampler;

  constructor(
    readonly n: number,
    readonly exponent = 1,
    readonly offset = 0,
  ) {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('n must be a whole number >= 1');
    if (!Number.isFinite(exponent) || exponent < 0) throw new RangeError('exponent must be a finite number >= 0');
    if (!Number.isFinite(offset) || offset <= -1) throw new RangeError('offset must be a finite number > -1');
    const weights = new Float64Array(n);
    for (let k = 1; k <= n; k++) weights[k - 1] = Math.pow(k + offset, -exponent);
    this.sampler = new WeightedSampler(weights);
  }

  /** A rank from 1 (most likely) to n. */
  sample(random: UniformSource): number {
    return this.sampler.sample(random) + 1;
  }

  /** The probability of rank k (0 outside 1..n). */
  probability(k: number): number {
    if (!Number.isInteger(k) || k < 1 || k > this.n) return 0;
    return Math.pow(k + this.offset, -this.exponent) / this.sampler.total;
  }
}
