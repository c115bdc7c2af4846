import { SubjectType } from '../model';
import { RuleSet, RuleSetBySubjectType } from './rule-set';

/**
 * The version in force on `asOf` for a subject type: the latest `effectiveFrom` on or before `asOf`, the
 * highest `version` on a tie. Before the first version's effective date the first version applies (domain.md:
 * "the first version of each subject type also applies to every earlier date", so that histories imported
 * from before the service existed are rated). `null` only when there is no version of the type at all.
 * As-of queries (consumers.md: "the rating as it stood then") must rate with the rules of then, not of today.
 */
export function selectRuleSet<S extends SubjectType>(
  candidates: readonly RuleSet[],
  subjectType: S,
  asOf: string,
): RuleSetBySubjectType[S] | null {
  let best: RuleSet | null = null;
  let first: RuleSet | null = null;
  for (const rs of candidates) {
    if (rs.subjectType !== subjectType) continue;
    if (first === null || rs.effectiveFrom < first.effectiveFrom || (rs.effectiveFrom === first.effectiveFrom && rs.version < first.version)) {
      first = rs;
    }
    if (rs.effectiveFrom > asOf) continue;
    if (
      best === null ||
      rs.effectiveFrom > best.effectiveFrom ||
      (rs.effectiveFrom === best.effectiveFrom && rs.version > best.version)
    ) {
      best = rs;
    }
  }
  return (best ?? first) as RuleSetBySubjectType[S] | null;
}
