import { SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { ListSeverity } from './list-kind';
import { plannedPublicationEnd } from './planned-publication-end';

const rules = DEFAULT_RULE_SETS[SubjectType.INSURED_PERSON].lists;

describe('plannedPublicationEnd (发改委令第36号: general 3 months–1 year, severe 1–3 years)', () => {
  it.each([
    ['2025-03-10', ListSeverity.SEVERE, '2028-03-09'],
    ['2025-03-10', ListSeverity.GENERAL, '2026-03-09'],
    ['2025-01-01', ListSeverity.SEVERE, '2027-12-31'],
    ['2024-08-31', ListSeverity.GENERAL, '2025-08-30'],
  ])('from %s, %s: published up to and including %s', (from, severity, end) => {
    expect(plannedPublicationEnd(from, severity, rules)).toBe(end);
  });
});
