import { Prng } from '../random/prng';
import { WeightedSampler } from '../random/weighted-sampler';
import { ZipfSampler } from '../random/zipf-sampler';

/**
 * How events spread over the subjects of one kind. Each subject draws an activity weight on its own — 0 for
 * the inactive share, otherwise a Zipf rank — and every event then picks its subject in proportion to the
 * weights. Because the weights are drawn per subject, the shape (most have 0–2 events, a few have dozens)
 * stays the same at every scale, where a single Zipf law over all subjects would give the top subject of a
 * 100× data set thousands of events.
 */
export interface ActivityProfile {
  /** Share of subjects that can have events at all. */
  readonly activeShare: number;
  /** Activity weights of the active ones. */
  readonly weights: ZipfSampler;
}

/**
 * Events per subject: `total` events spread over the subjects by their drawn activity. Subjects with
 * `eligible(i)` false (too young, say) get none. If no subject is active, every eligible one is, so a tiny
 * data set still has events.
 */
export function spreadEvents(
  rng: Prng,
  n: number,
  total: number,
  profile: ActivityProfile,
  eligible: (index: number) => boolean = () => true,
): Int32Array {
  const weights = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (eligible(i) && rng.chance(profile.activeShare)) weights[i] = profile.weights.sample(rng);
    sum += weights[i];
  }
  if (sum === 0) for (let i = 0; i < n; i++) weights[i] = eligible(i) ? 1 : 0;
  return drawCounts(rng, weights, total);
}

function drawCounts(rng: Prng, weights: Float64Array, total: number): Int32Array {
  const counts = new Int32Array(weights.length);
  if (total <= 0 || !weights.some((w) => w > 0)) return counts;
  const sampler = new WeightedSampler(weights);
  for (let e = 0; e < total; e++) counts[sampler.sample(rng)]++;
  return counts;
}
