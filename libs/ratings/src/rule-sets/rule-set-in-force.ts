import { RuleSet, RuleSetBySubjectType, selectRuleSet, SubjectType } from '@app/credit';

/**
 * The version in force on `asOf` among `ruleSets`. Its absence means the v1 seed is missing: a deployment
 * fault, not bad input, so it throws.
 */
export function ruleSetInForce<S extends SubjectType>(ruleSets: readonly RuleSet[], type: S, asOf: string): RuleSetBySubjectType[S] {
  const found = selectRuleSet(ruleSets, type, asOf);
  if (!found) throw new Error(`no ${type} rule set in force on ${asOf}: the default rule sets are not seeded`);
  return found;
}
