import { SubjectType } from '../model';
import { RuleSetChecker } from './rule-set-checker';
import { validateInsuredRuleSet } from './validate-insured-rule-set';
import { validateListRules } from './validate-list-rules';
import { validateOrgRuleSet } from './validate-org-rule-set';
import { validatePractitionerRuleSet } from './validate-practitioner-rule-set';

/**
 * Structural problems of a rule set, each as "path: problem" (empty when it can be stored). Takes `unknown`
 * because rule sets arrive as JSON from the database or an operator; a rule set with problems must be refused
 * before it is stored, since a rating can only be as sound as its rules (domain.md preamble).
 */
export function validateRuleSet(rs: unknown): string[] {
  const c = new RuleSetChecker();
  if (!c.object('ruleSet', rs)) return c.problems;
  c.integer('version', rs.version, 1);
  c.date('effectiveFrom', rs.effectiveFrom);
  if (!c.oneOf('subjectType', rs.subjectType, Object.values(SubjectType))) return c.problems;
  switch (rs.subjectType) {
    case SubjectType.MEDICAL_INSTITUTION:
    case SubjectType.PHARMACY:
      validateOrgRuleSet(c, rs);
      break;
    case SubjectType.PRACTITIONER:
      validatePractitionerRuleSet(c, rs);
      break;
    case SubjectType.INSURED_PERSON:
      validateInsuredRuleSet(c, rs);
      break;
  }
  validateListRules(c, rs.lists, rs.subjectType);
  return c.problems;
}
