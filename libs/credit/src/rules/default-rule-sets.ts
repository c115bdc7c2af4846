import { SubjectType } from '../model';
import { defaultInsuredRuleSet } from './default-insured-rule-set';
import { defaultOrgRuleSet } from './default-org-rule-set';
import { defaultPractitionerRuleSet } from './default-practitioner-rule-set';
import { RuleSetBySubjectType } from './rule-set';

/**
 * Version 1 of every subject type's rule set, effective 2025-01-01 (when the 12-point cycle came into force).
 * Deeply frozen: a region changes a number by storing a new version, never by mutating the defaults in memory.
 * Copy one with `structuredClone` (or JSON) to derive a new version.
 */
export const DEFAULT_RULE_SETS: Readonly<RuleSetBySubjectType> = deepFreeze({
  [SubjectType.MEDICAL_INSTITUTION]: defaultOrgRuleSet(SubjectType.MEDICAL_INSTITUTION),
  [SubjectType.PHARMACY]: defaultOrgRuleSet(SubjectType.PHARMACY),
  [SubjectType.PRACTITIONER]: defaultPractitionerRuleSet(),
  [SubjectType.INSURED_PERSON]: defaultInsuredRuleSet(),
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
