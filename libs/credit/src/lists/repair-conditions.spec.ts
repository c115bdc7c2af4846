import { EventStatus, EventType as T, SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { ListSeverity } from './list-kind';
import { ev } from './list-memberships.fixture';
import { RepairApplication, repairConditions } from './repair-conditions';

const rules = DEFAULT_RULE_SETS[SubjectType.MEDICAL_INSTITUTION].lists;
const severeEntry = { effectiveFrom: '2025-03-10', severity: ListSeverity.SEVERE };
const complete: RepairApplication = { appliedOn: '2026-03-10', penaltyPerformed: true, moneyReturned: true, publicCommitment: true };
const entryEvent = ev(T.PENALTY_ART40, '2025-03-10');

function check(o: { application?: Partial<RepairApplication>; events?: ReturnType<typeof ev>[]; asOf?: string; entry?: typeof severeEntry } = {}) {
  return repairConditions({
    entry: o.entry ?? severeEntry,
    application: { ...complete, ...o.application },
    events: o.events ?? [entryEvent],
    asOf: o.asOf ?? '2026-03-20',
    rules,
  });
}

describe('repairConditions (domain.md §5: after at least 1 year; penalty performed, money returned, commitment, 6 months clean)', () => {
  it('all hold: a complete application a year after a severe entry, with no new violation', () => {
    expect(check()).toEqual({
      minimumPeriodPassed: true,
      penaltyPerformed: true,
      moneyReturned: true,
      publicCommitment: true,
      noNewViolation: true,
      allHold: true,
      eligibleFrom: '2026-03-10',
    });
  });

  it.each<[string, Parameters<typeof check>[0], keyof ReturnType<typeof check>]>([
    ['applied a day before the year is over', { application: { appliedOn: '2026-03-09' } }, 'minimumPeriodPassed'],
    ['the penalty not performed', { application: { penaltyPerformed: false } }, 'penaltyPerformed'],
    ['the money not returned', { application: { moneyReturned: false } }, 'moneyReturned'],
    ['no public credit commitment', { application: { publicCommitment: false } }, 'publicCommitment'],
    ['a new violation 5 months before', { events: [entryEvent, ev(T.PAYMENT_DENIED, '2025-10-21')] }, 'noNewViolation'],
  ])('fails alone: %s', (_, o, failing) => {
    const result = check(o);
    expect(result.allHold).toBe(false);
    for (const c of ['minimumPeriodPassed', 'penaltyPerformed', 'moneyReturned', 'publicCommitment', 'noNewViolation'] as const) {
      expect(result[c]).toBe(c !== failing);
    }
  });

  it('a violation more than 6 months before asOf is not new; neither is the entry\'s own decision', () => {
    expect(check({ events: [entryEvent, ev(T.PAYMENT_DENIED, '2025-09-20')] }).noNewViolation).toBe(true);
    expect(check({ events: [ev(T.PENALTY_ART40, '2025-09-21')], entry: { ...severeEntry, effectiveFrom: '2025-09-21' }, asOf: '2026-01-05' }).noNewViolation).toBe(true);
  });

  it('a revoked finding, a recognition or a decision after asOf is no violation', () => {
    const events = [
      ev(T.PAYMENT_DENIED, '2026-01-10', { status: EventStatus.REVOKED }),
      ev(T.COMMENDATION, '2026-01-10'),
      ev(T.INTERVIEW, '2026-03-21'),
    ];
    expect(check({ events }).noNewViolation).toBe(true);
  });

  it('a general entry may be repaired after 3 months', () => {
    const general = { effectiveFrom: '2025-03-10', severity: ListSeverity.GENERAL };
    expect(check({ entry: general, application: { appliedOn: '2025-06-10' } })).toMatchObject({ minimumPeriodPassed: true, eligibleFrom: '2025-06-10' });
    expect(check({ entry: general, application: { appliedOn: '2025-06-09' } }).minimumPeriodPassed).toBe(false);
  });

  it('the periods are data', () => {
    const longer = { ...rules, repair: { ...rules.repair, noNewViolationMonths: 12 } };
    const events = [entryEvent, ev(T.PAYMENT_DENIED, '2025-09-20')];
    expect(repairConditions({ entry: severeEntry, application: complete, events, asOf: '2026-03-20', rules: longer }).noNewViolation).toBe(false);
  });
});
