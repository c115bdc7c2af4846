import { SubjectType } from '../model';

/**
 * What every stored rule set carries: one rule set per subject type, versioned, taking effect on a calendar
 * date (domain.md preamble: "every default below is configuration data (a versioned rule set)").
 */
export interface RuleSetHeader<S extends SubjectType = SubjectType> {
  readonly subjectType: S;
  /** Whole number ≥ 1, increasing per subject type; reported with every rating (api-contract.md `ruleSetVersion`). */
  readonly version: number;
  /** 'YYYY-MM-DD' (Asia/Shanghai): the first day this version applies to. */
  readonly effectiveFrom: string;
}
