import { UniformSource } from './uniform-source';

const TWO_POW_32 = 4_294_967_296;

/**
 * A small, fast, seeded generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * passes PractRand). Chosen over mulberry32, whose 32-bit state repeats after 2^32 draws and cannot produce
 * every 32-bit output. Only integer arithmetic is used, so a seed gives the same stream on every platform.
 *
 * `stream` selects an independent sequence for the same seed, so that one part of a generator can draw more
 * or fewer numbers without shifting what every other part produces.
 */
export class Prng implements UniformSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
    if (!Number.isSafeInteger(stream)) throw new RangeError('stream must be a safe integer');
    // splitmix32 spreads the seed over the four state words: nearby seeds must give unrelated streams.
    const mix = new SplitMix32(seed, stream);
    this.a = mix.next();
    this.b = mix.next();
    this.c = mix.next();
    this.d = 1; // the counter word; starting it at 1 keeps the state away from all zeros
    for (let i = 0; i < 12; i++) this.nextUint32(); // the first outputs of sfc32 are still correlated with the seed
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1) with 32 bits of precision. */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A uniform whole number from min to max, both included. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int needs whole numbers with min <= max, got ${min}..${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick needs at least one item');
    return items[Math.floor(this.next() * items.length)];
  }
}

// Sebastiano Vigna's splitmix, 32-bit variant: a seed expander, not meant as a generator on its own.
class SplitMix32 {
  private state: number;

  constructor(seed: number, stream: number) {
    // Both 32-bit halves of the seed count, so seeds beyond 2^32 do not collide with small ones.
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    this.state = (low ^ Math.imul(high, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca77)) | 0;
  }

  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  }
}
