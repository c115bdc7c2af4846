import { RuleSetChecker } from './rule-set-checker';

/**
 * The score scale and the grade thresholds on it, shared by organisations (0–1000) and insured persons (0–100):
 * min < max, base within, thresholds A > B > C strictly and all inside (min, max] so every grade is reachable.
 */
export function checkScoreScale(c: RuleSetChecker, score: unknown, thresholds: unknown): void {
  const scale = checkScore(c, score);
  if (!c.object('gradeThresholds', thresholds)) return;
  const values: number[] = [];
  for (const grade of ['A', 'B', 'C'] as const) {
    const path = `gradeThresholds.${grade}`;
    if (!c.integer(path, thresholds[grade])) return;
    if (scale && (thresholds[grade] <= scale.min || thresholds[grade] > scale.max)) {
      c.report(path, `must be above score.min (${scale.min}) and at most score.max (${scale.max})`);
    }
    values.push(thresholds[grade]);
  }
  c.strictlyMonotonic('gradeThresholds', values, 'desc', 'A, B, C');
}

function checkScore(c: RuleSetChecker, score: unknown): { min: number; max: number } | null {
  if (!c.object('score', score)) return null;
  const ok =
    c.integer('score.min', score.min) && c.integer('score.max', score.max) && c.integer('score.base', score.base);
  if (!ok) return null;
  const { min, max, base } = score as { min: number; max: number; base: number };
  if (min >= max) {
    c.report('score', 'min must be below max');
    return null;
  }
  if (base < min || base > max) c.report('score.base', `must be within ${min}–${max}`);
  return { min, max };
}
