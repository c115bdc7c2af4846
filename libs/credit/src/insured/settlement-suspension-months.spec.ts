import { SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { settlementSuspensionMonths } from './settlement-suspension-months';

const RULES = DEFAULT_RULE_SETS[SubjectType.INSURED_PERSON].settlementSuspension;

describe('settlementSuspensionMonths (domain.md §3: <10,000 yuan → 3; 10,000–50,000 → 6; >50,000 or repeat → 12)', () => {
  it.each<[number | null, boolean, number]>([
    [null, false, 3],
    [0, false, 3],
    [999_999, false, 3],
    [1_000_000, false, 6],
    [5_000_000, false, 6],
    [5_000_001, false, 12],
    [100, true, 12],
    [5_000_001, true, 12],
  ])('amount %p fen, repeat %p → %i months', (amount, repeat, months) => {
    expect(settlementSuspensionMonths(RULES, amount, repeat)).toBe(months);
  });
});
