import { roundPoints } from './round-points';

describe('roundPoints (halves away from zero)', () => {
  it.each([
    [-2.5, -3],
    [2.5, 3],
    [-2.4, -2],
    [-12.5, -13],
    [-100 * 1.2 * 1.5, -180],
    [-10 * 1.2 * 1.5, -18], // 17.999999999999996 in binary
    [-0.4, 0],
    [0, 0],
  ])('%d → %d', (x, expected) => {
    expect(roundPoints(x)).toBe(expected);
    expect(Object.is(roundPoints(x), -0)).toBe(false);
  });
});
