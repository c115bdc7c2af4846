import { Prng } from './prng';

const draw = (rng: Prng, n: number): number[] => Array.from({ length: n }, () => rng.nextUint32());

describe('Prng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    expect(draw(new Prng(42), 100)).toEqual(draw(new Prng(42), 100));
    expect(draw(new Prng(42, 3), 100)).toEqual(draw(new Prng(42, 3), 100));
  });

  it('pins the sequence, so that a refactoring cannot silently change every data set', () => {
    expect(draw(new Prng(1), 3)).toEqual([2739553259, 1806826715, 2365684776]);
  });

  it.each([
    [1, 0, 2, 0],
    [1, 0, 1, 1],
    [0, 0, -1, 0],
    [1, 0, 2 ** 32 + 1, 0],
  ])('gives unrelated sequences for seed %d stream %d and seed %d stream %d', (seedA, streamA, seedB, streamB) => {
    const a = draw(new Prng(seedA, streamA), 50);
    const b = draw(new Prng(seedB, streamB), 50);
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const rng = new Prng(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it('draws whole numbers with both bounds included', () => {
    const rng = new Prng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(rng.int(5, 5)).toBe(5);
  });

  it('picks every element and honours the chance', () => {
    const rng = new Prng(11);
    const picked = new Set(Array.from({ length: 200 }, () => rng.pick(['a', 'b', 'c'])));
    expect(picked).toEqual(new Set(['a', 'b', 'c']));
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.2)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(1800);
    expect(hits).toBeLessThan(2200);
  });

  it('refuses what it cannot draw from', () => {
    expect(() => new Prng(1.5)).toThrow(RangeError);
    expect(() => new Prng(Number.NaN)).toThrow(RangeError);
    expect(() => new Prng(1).int(3, 2)).toThrow(RangeError);
    expect(() => new Prng(1).pick([])).toThrow(RangeError);
  });
});
