import { SubjectType } from '../model';
import { RuleSet, RuleSetBySubjectType } from './rule-set';

/**
 * The version in force on `asOf` for a subject type: the latest `effectiveFrom` on or before `asOf`, the
 * highest `version` on a tie. `null` when none has started yet. As-of queries (consumers.md: "the rating as it
 * stood then") must rate with the rules of then, not of today.
 */
export function selectRuleSet<S extends SubjectType>(
  candidates: readonly RuleSet[],
  subjectType: S,
  asOf: string,
): RuleSetBySubjectType[S] | null {
  let best: RuleSet | null = null;
  for (const rs of candidates) {
    if (rs.subjectType !== subjectType || rs.effectiveFrom > asOf) continue;
    if (
      best === null ||
      rs.effectiveFrom > best.effectiveFrom ||
      (rs.effectiveFrom === best.effectiveFrom && rs.version > best.version)
    ) {
      best = rs;
    }
  }
  return best as RuleSetBySubjectType[S] | null;
}
