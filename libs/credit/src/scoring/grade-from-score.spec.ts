import { Grade } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { gradeFromScore, worseGrade } from './grade-from-score';

describe('gradeFromScore', () => {
  const org = DEFAULT_RULE_SETS.MEDICAL_INSTITUTION.gradeThresholds;
  const insured = DEFAULT_RULE_SETS.INSURED_PERSON.gradeThresholds;

  it.each([
    [1000, Grade.A],
    [900, Grade.A],
    [899, Grade.B],
    [800, Grade.B],
    [799, Grade.C],
    [650, Grade.C],
    [649, Grade.D],
    [0, Grade.D],
  ])('institution score %i → %s', (score, grade) => {
    expect(gradeFromScore(org, score)).toBe(grade);
  });

  it.each([
    [100, Grade.A],
    [90, Grade.A],
    [89, Grade.B],
    [80, Grade.B],
    [79, Grade.C],
    [65, Grade.C],
    [64, Grade.D],
  ])('insured score %i → %s', (score, grade) => {
    expect(gradeFromScore(insured, score)).toBe(grade);
  });

  it.each([
    [Grade.A, Grade.D, Grade.D],
    [Grade.D, Grade.E, Grade.E],
    [Grade.E, Grade.D, Grade.E],
    [Grade.B, null, Grade.B],
  ])('worseGrade(%s, %s) = %s', (a, cap, expected) => {
    expect(worseGrade(a, cap)).toBe(expected);
  });
});
