/**
 * Rounds a modified deduction to a whole point, halves away from zero (domain.md §2 modifiers): −2.5 → −3.
 * Weights like 1.2 are inexact in binary (−10 × 1.2 × 1.5 = −17.999999999999996), so the product is first
 * rounded to 9 decimals; no rule has a meaningful 10th decimal.
 */
export function roundPoints(x: number): number {
  const whole = Math.floor(Math.round(Math.abs(x) * 1e9) / 1e9 + 0.5);
  return x < 0 && whole !== 0 ? -whole : whole;
}
