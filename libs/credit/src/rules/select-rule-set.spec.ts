import { SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from './default-rule-sets';
import { RuleSet } from './rule-set';
import { selectRuleSet } from './select-rule-set';

const v1 = DEFAULT_RULE_SETS.MEDICAL_INSTITUTION;
const v2 = { ...v1, version: 2, effectiveFrom: '2026-01-01' };
const v3 = { ...v1, version: 3, effectiveFrom: '2026-01-01' };
const pharmacy = DEFAULT_RULE_SETS.PHARMACY;
const ALL: RuleSet[] = [v3, pharmacy, v1, v2];

describe('selectRuleSet: the version in force on the as-of date', () => {
  it.each<[string, string, number | null]>([
    ['before any version: the first version rates every earlier date', '2024-12-31', 1],
    ['on the first effective day', '2025-01-01', 1],
    ['the day before a new version', '2025-12-31', 1],
    ['two versions from the same day: the higher', '2026-01-01', 3],
  ])('%s (%s) → version %p', (_name, asOf, version) => {
    expect(selectRuleSet(ALL, SubjectType.MEDICAL_INSTITUTION, asOf)?.version ?? null).toBe(version);
  });

  it('never picks another subject type’s rule set', () => {
    expect(selectRuleSet(ALL, SubjectType.PHARMACY, '2026-06-01')).toBe(pharmacy);
    expect(selectRuleSet(ALL, SubjectType.PRACTITIONER, '2026-06-01')).toBeNull();
  });
});
