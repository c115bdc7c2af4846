import { Grade } from '../model';
import { GradeThresholds } from '../rules';

/** The grade a score earns on its own: A, B, C from the thresholds, else D (E only comes from a cap). */
export function gradeFromScore(thresholds: GradeThresholds, score: number): Grade {
  if (score >= thresholds.A) return Grade.A;
  if (score >= thresholds.B) return Grade.B;
  if (score >= thresholds.C) return Grade.C;
  return Grade.D;
}

const RANK: Readonly<Record<Grade, number>> = { A: 1, B: 2, C: 3, D: 4, E: 5, NOT_RATED: 0 };

/** The worse of two grades (a cap means "no better than"); `null` is no cap. */
export function worseGrade<G extends Grade>(a: G, b: G | null): G {
  return b !== null && RANK[b] > RANK[a] ? b : a;
}
