/**
 * Minimum score of each grade; a score below `C` is D. Organisations: A ≥ 900, B ≥ 800, C ≥ 650
 * (domain.md §2 "Grades"); insured persons: A ≥ 90, B ≥ 80, C ≥ 65 (§3). E is never earned by score, only
 * by a grade cap.
 */
export interface GradeThresholds {
  readonly A: number;
  readonly B: number;
  readonly C: number;
}
