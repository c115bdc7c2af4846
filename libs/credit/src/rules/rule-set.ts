import { SubjectType } from '../model';
import { InsuredRuleSet } from './insured-rule-set';
import { OrgRuleSet } from './org-rule-set';
import { PractitionerRuleSet } from './practitioner-rule-set';

/** The rule set each subject type is rated with. */
export interface RuleSetBySubjectType {
  [SubjectType.MEDICAL_INSTITUTION]: OrgRuleSet;
  [SubjectType.PHARMACY]: OrgRuleSet;
  [SubjectType.PRACTITIONER]: PractitionerRuleSet;
  [SubjectType.INSURED_PERSON]: InsuredRuleSet;
}

/** Any stored rule set, discriminated by `subjectType`. */
export type RuleSet = OrgRuleSet | PractitionerRuleSet | InsuredRuleSet;
