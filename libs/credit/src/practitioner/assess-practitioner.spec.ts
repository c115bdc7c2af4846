import {
  CreditEvent,
  EventStatus,
  EventType as T,
  PractitionerStatus as S,
  Responsibility as R,
  SubjectType,
} from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { anEvent } from '../scoring/credit-event.fixture';
import { assessPractitioner } from './assess-practitioner';

const RULES = DEFAULT_RULE_SETS[SubjectType.PRACTITIONER];

function ev(type: T, decidedOn: string, responsibility: R | null, o: Partial<CreditEvent> = {}): CreditEvent {
  return anEvent(type, decidedOn, { responsibility, ...o });
}
const repairs = (...dates: string[]) => dates.map((d, i) => anEvent(T.REPAIR_ACTIVITY, d, { id: `r${i}` }));
const assess = (events: CreditEvent[], asOf: string, year?: number) =>
  assessPractitioner({ ruleSet: RULES, events, asOf, year });

describe('assessPractitioner: points by tier and responsibility (domain.md §4 table)', () => {
  it.each<[T, R, number, number]>([
    [T.INTERVIEW, R.GENERAL, 1, 1],
    [T.PAYMENT_DENIED, R.IMPORTANT, 1, 2],
    [T.BREACH_FEE, R.MAIN, 1, 3],
    [T.PENALTY_ART38, R.GENERAL, 2, 4],
    [T.PENALTY_ART39, R.IMPORTANT, 2, 5],
    [T.PENALTY_ART38, R.MAIN, 2, 6],
    [T.IMPERSONATED_SETTLEMENT, R.GENERAL, 3, 7],
    [T.IMPERSONATED_SETTLEMENT, R.IMPORTANT, 3, 8],
    [T.IMPERSONATED_SETTLEMENT, R.MAIN, 3, 9],
    [T.PENALTY_ART40, R.GENERAL, 4, 10],
    [T.LICENCE_REVOKED, R.IMPORTANT, 4, 11],
    [T.PENALTY_ART40, R.MAIN, 4, 12],
  ])('%s with %s responsibility: tier %i, %i points', (type, responsibility, tier, points) => {
    const a = assess([ev(type, '2025-03-10', responsibility)], '2025-03-10');
    expect(a.total).toBe(points);
    expect(a.explanation).toEqual([
      { eventId: `${type}@2025-03-10`, points, tier, countsUntil: '2025-12-31', rule: type },
    ]);
  });

  it('a missing responsibility scores the low end of the tier', () => {
    expect(assess([ev(T.PENALTY_ART38, '2025-03-10', null)], '2025-12-31').total).toBe(4);
  });

  it.each<[string, CreditEvent[], number[], (number | null)[], string[]]>([
    [
      'a tier-1 type again in the same year moves to tier 3',
      [ev(T.INTERVIEW, '2025-02-01', R.GENERAL), ev(T.INTERVIEW, '2025-05-01', R.GENERAL)],
      [1, 7],
      [1, 3],
      ['INTERVIEW', 'INTERVIEW:REPEAT_IN_YEAR'],
    ],
    [
      'a tier-2 type again in the same year moves to tier 3',
      [ev(T.PENALTY_ART39, '2025-02-01', R.GENERAL), ev(T.PENALTY_ART39, '2025-05-01', R.IMPORTANT)],
      [4, 8],
      [2, 3],
      ['PENALTY_ART39', 'PENALTY_ART39:REPEAT_IN_YEAR'],
    ],
    [
      'the same day: ids order as numbers, so "10" is the repeat of "9"',
      [ev(T.INTERVIEW, '2025-02-01', R.GENERAL, { id: '10' }), ev(T.INTERVIEW, '2025-02-01', R.MAIN, { id: '9' })],
      [3, 7],
      [1, 3],
      ['INTERVIEW', 'INTERVIEW:REPEAT_IN_YEAR'],
    ],
    [
      'the same type in the next year is not a repeat',
      [ev(T.INTERVIEW, '2024-12-01', R.GENERAL), ev(T.INTERVIEW, '2025-01-05', R.GENERAL)],
      [1],
      [1],
      ['INTERVIEW'],
    ],
    [
      'a tier-4 type again stays in tier 4',
      [ev(T.LICENCE_REVOKED, '2025-02-01', R.GENERAL), ev(T.LICENCE_REVOKED, '2025-05-01', R.GENERAL)],
      [10, 10],
      [4, 4],
      ['LICENCE_REVOKED', 'LICENCE_REVOKED'],
    ],
    [
      'same decisionNo and type count once (heaviest responsibility kept) and are no repeat',
      [
        ev(T.PENALTY_ART38, '2025-02-01', R.GENERAL, { id: 'a', decisionNo: 'N1' }),
        ev(T.PENALTY_ART38, '2025-02-01', R.MAIN, { id: 'b', decisionNo: 'N1' }),
      ],
      [0, 6],
      [2, 2],
      ['SAME_INDICATOR_ONCE', 'PENALTY_ART38'],
    ],
  ])('%s', (_name, events, points, tiers, rules) => {
    const a = assess(events, '2025-12-31');
    expect(a.explanation.map((l) => l.points)).toEqual(points);
    expect(a.explanation.map((l) => l.tier)).toEqual(tiers);
    expect(a.explanation.map((l) => l.rule)).toEqual(rules);
  });
});

describe('assessPractitioner: status thresholds', () => {
  it.each<[string, CreditEvent[], number, S]>([
    ['0 → ACTIVE', [], 0, S.ACTIVE],
    ['2 → ACTIVE', [ev(T.INTERVIEW, '2025-03-01', R.IMPORTANT)], 2, S.ACTIVE],
    ['3 → REMINDED', [ev(T.INTERVIEW, '2025-03-01', R.MAIN)], 3, S.REMINDED],
    ['5 → REMINDED', [ev(T.PENALTY_ART38, '2025-03-01', R.IMPORTANT)], 5, S.REMINDED],
    ['6 → KEY_SUPERVISION', [ev(T.PENALTY_ART38, '2025-03-01', R.MAIN)], 6, S.KEY_SUPERVISION],
    [
      '8 → KEY_SUPERVISION',
      [ev(T.PENALTY_ART38, '2025-03-01', R.MAIN), ev(T.INTERVIEW, '2025-04-01', R.IMPORTANT)],
      8,
      S.KEY_SUPERVISION,
    ],
    [
      'PROPOSED and REVOKED decisions do not count',
      [
        ev(T.PENALTY_ART38, '2025-03-01', R.MAIN, { status: EventStatus.PROPOSED }),
        ev(T.PENALTY_ART39, '2025-03-01', R.MAIN, { status: EventStatus.REVOKED }),
      ],
      0,
      S.ACTIVE,
    ],
    [
      'a decision UNDER_APPEAL counts',
      [ev(T.PENALTY_ART38, '2025-03-01', R.MAIN, { status: EventStatus.UNDER_APPEAL })],
      6,
      S.KEY_SUPERVISION,
    ],
    ['a decision after asOf does not count', [ev(T.PENALTY_ART38, '2025-07-01', R.MAIN)], 0, S.ACTIVE],
    ['an institution-only event type is ignored', [anEvent(T.ANNUAL_ASSESSMENT, '2025-03-01')], 0, S.ACTIVE],
  ])('%s', (_name, events, total, status) => {
    expect(assess(events, '2025-06-30')).toMatchObject({ total, status, terminated: false });
  });
});

describe('assessPractitioner: keySupervision (domain.md §5 "a practitioner at ≥ 6 points")', () => {
  it.each<[string, CreditEvent[], string, boolean]>([
    ['5 points: not yet', [ev(T.PENALTY_ART38, '2025-03-01', R.IMPORTANT)], '2025-06-30', false],
    ['6 points: on the list', [ev(T.PENALTY_ART38, '2025-03-01', R.MAIN)], '2025-06-30', true],
    [
      'suspended at 9 points: still on the list',
      [ev(T.INTERVIEW, '2025-02-01', R.IMPORTANT), ev(T.IMPERSONATED_SETTLEMENT, '2025-03-10', R.GENERAL)],
      '2025-03-20',
      true,
    ],
    [
      'repaired from 6 to 5: off the list',
      [ev(T.PENALTY_ART38, '2025-03-01', R.MAIN), ...repairs('2025-04-01')],
      '2025-06-30',
      false,
    ],
    [
      'terminated, with 0 points in the next year: on the list while barred',
      [ev(T.PENALTY_ART40, '2025-03-01', R.MAIN)],
      '2026-06-30',
      true,
    ],
  ])('%s', (_name, events, asOf, keySupervision) => {
    expect(assess(events, asOf).keySupervision).toBe(keySupervision);
  });

  it('follows the rule set: with status.keySupervisionFrom 5, 5 points are on the list (and the status says so)', () => {
    const ruleSet = { ...RULES, status: { remindedFrom: 3, keySupervisionFrom: 5 } };
    const events = [ev(T.PENALTY_ART38, '2025-03-01', R.IMPORTANT)];
    const a = assessPractitioner({ ruleSet, events, asOf: '2025-06-30' });
    expect(a).toMatchObject({ total: 5, status: S.KEY_SUPERVISION, keySupervision: true });
    expect(assessPractitioner({ ruleSet, events: [ev(T.INTERVIEW, '2025-03-01', R.MAIN)], asOf: '2025-06-30' }))
      .toMatchObject({ total: 3, keySupervision: false });
  });
});

describe('assessPractitioner: suspension (cumulative 9/10/11 → 1/2/3 months, single 9/10/11 → 3/4/6, the longer)', () => {
  it.each<[string, CreditEvent[], number, string, string]>([
    [
      'tier 1 + tier 3 reaching 9 cumulatively: 1 month from the crossing decision',
      [ev(T.INTERVIEW, '2025-02-01', R.IMPORTANT), ev(T.IMPERSONATED_SETTLEMENT, '2025-03-10', R.GENERAL)],
      9,
      '2025-03-10',
      '2025-04-09',
    ],
    [
      'tier 2 + tier 1 reaching 9: 1 month',
      [ev(T.PENALTY_ART39, '2025-02-01', R.MAIN), ev(T.INTERVIEW, '2025-03-10', R.MAIN)],
      9,
      '2025-03-10',
      '2025-04-09',
    ],
    [
      'jumping from 7 to 10: 2 months',
      [
        ev(T.PENALTY_ART38, '2025-01-10', R.GENERAL),
        ev(T.BREACH_FEE, '2025-02-01', R.MAIN),
        ev(T.PAYMENT_DENIED, '2025-03-10', R.MAIN),
      ],
      10,
      '2025-03-10',
      '2025-05-09',
    ],
    [
      'tier 2 + the same type again (tier 3): 4 + 7 = 11 → 3 months',
      [ev(T.PENALTY_ART38, '2025-02-01', R.GENERAL), ev(T.PENALTY_ART38, '2025-03-10', R.GENERAL)],
      11,
      '2025-03-10',
      '2025-06-09',
    ],
    [
      'a single 9-point event: 3 months, not 1',
      [ev(T.IMPERSONATED_SETTLEMENT, '2025-03-10', R.MAIN)],
      9,
      '2025-03-10',
      '2025-06-09',
    ],
    [
      'a single 10-point event: 4 months',
      [ev(T.PENALTY_ART40, '2025-03-10', R.GENERAL)],
      10,
      '2025-03-10',
      '2025-07-09',
    ],
    [
      'a single 11-point event: 6 months',
      [ev(T.LICENCE_REVOKED, '2025-03-10', R.IMPORTANT)],
      11,
      '2025-03-10',
      '2025-09-09',
    ],
    [
      'reaching 10 while suspended for 9 extends to 2 months from the new decision',
      [
        ev(T.PENALTY_ART39, '2025-02-01', R.MAIN),
        ev(T.INTERVIEW, '2025-03-10', R.MAIN),
        ev(T.PAYMENT_DENIED, '2025-03-20', R.GENERAL),
      ],
      10,
      '2025-03-10',
      '2025-05-19',
    ],
    [
      'a shorter new suspension does not shorten a running one',
      [ev(T.IMPERSONATED_SETTLEMENT, '2025-03-10', R.MAIN), ev(T.INTERVIEW, '2025-03-20', R.GENERAL)],
      10,
      '2025-03-10',
      '2025-06-09',
    ],
  ])('%s', (_name, events, total, from, until) => {
    const lastDecision = events[events.length - 1].decidedOn;
    expect(assess(events, lastDecision)).toMatchObject({
      total,
      status: S.SUSPENDED,
      suspendedFrom: from,
      suspendedUntil: until,
    });
    expect(assess(events, until).status).toBe(S.SUSPENDED);
  });

  it('after the suspension ends the points thresholds apply again (9 → KEY_SUPERVISION)', () => {
    const events = [ev(T.INTERVIEW, '2025-02-01', R.IMPORTANT), ev(T.IMPERSONATED_SETTLEMENT, '2025-03-10', R.GENERAL)];
    expect(assess(events, '2025-04-10')).toMatchObject({
      status: S.KEY_SUPERVISION,
      suspendedFrom: '2025-03-10', // began in the reported year: still shown
      suspendedUntil: '2025-04-09',
      suspendedByEventId: 'IMPERSONATED_SETTLEMENT@2025-03-10',
    });
  });

  it('a threshold triggers once a year: back to 9 after a repair suspends no more', () => {
    const events = [
      ev(T.IMPERSONATED_SETTLEMENT, '2025-01-10', R.MAIN), // 9: 3 months to 2025-04-09
      ...repairs('2025-05-01'), // 8
      ev(T.INTERVIEW, '2025-06-01', R.GENERAL), // 9 again
    ];
    expect(assess(events, '2025-06-01')).toMatchObject({
      total: 9,
      status: S.KEY_SUPERVISION,
      suspendedUntil: '2025-04-09',
    });
  });
});

describe('assessPractitioner: termination and the yearly reset', () => {
  const cumulative12 = [ev(T.PENALTY_ART38, '2025-02-01', R.MAIN), ev(T.PENALTY_ART39, '2025-06-10', R.MAIN)];
  const single12 = [ev(T.PENALTY_ART40, '2025-06-10', R.MAIN)];

  it.each<[string, CreditEvent[], string, number, S, string | null]>([
    ['reaching 12 cumulatively: TERMINATED, barred 1 year', cumulative12, '2025-06-10', 12, S.TERMINATED, '2026-06-09'],
    ['one 12-point event: barred 3 years', single12, '2025-06-10', 12, S.TERMINATED, '2028-06-09'],
    ['next 1 January resets the points but not the bar', cumulative12, '2026-01-01', 0, S.TERMINATED, '2026-06-09'],
    ['the bar ends after its last day', cumulative12, '2026-06-10', 0, S.ACTIVE, null],
    ['a 3-year bar still runs two years on', single12, '2027-12-31', 0, S.TERMINATED, '2028-06-09'],
    [
      'suspended at 9, then 12: TERMINATED',
      [ev(T.IMPERSONATED_SETTLEMENT, '2025-03-10', R.MAIN), ev(T.BREACH_FEE, '2025-04-01', R.MAIN)],
      '2025-04-01',
      12,
      S.TERMINATED,
      '2026-03-31',
    ],
  ])('%s', (_name, events, asOf, total, status, barredUntil) => {
    expect(assess(events, asOf)).toMatchObject({ total, status, barredUntil, terminated: status === S.TERMINATED });
  });

  it('points reset on 1 January', () => {
    const events = [ev(T.PENALTY_ART38, '2025-03-01', R.MAIN)];
    expect(assess(events, '2025-12-31')).toMatchObject({ year: 2025, total: 6, status: S.KEY_SUPERVISION });
    expect(assess(events, '2026-01-01')).toMatchObject({ year: 2026, total: 0, status: S.ACTIVE, explanation: [] });
  });

  it('a suspension still running on 1 January stays', () => {
    const events = [ev(T.IMPERSONATED_SETTLEMENT, '2025-12-10', R.MAIN)];
    expect(assess(events, '2026-01-15')).toMatchObject({
      total: 0,
      status: S.SUSPENDED,
      suspendedFrom: '2025-12-10',
      suspendedUntil: '2026-03-09',
    });
  });

  it('events of a new year while barred add points but no suspension', () => {
    const events = [...single12, ev(T.IMPERSONATED_SETTLEMENT, '2026-02-01', R.MAIN)];
    expect(assess(events, '2026-02-01')).toMatchObject({
      total: 9,
      status: S.TERMINATED,
      suspendedFrom: null,
      barredUntil: '2028-06-09',
    });
  });

  it.each<[string, number | undefined, string, number, S]>([
    ['a past year is reported as it stood on 31 December', 2025, '2026-03-01', 6, S.KEY_SUPERVISION],
    ['the current year by default', undefined, '2026-03-01', 0, S.ACTIVE],
    ['a later year has no points yet', 2027, '2026-03-01', 0, S.ACTIVE],
  ])('year: %s', (_name, year, asOf, total, status) => {
    const a = assess([ev(T.PENALTY_ART38, '2025-03-01', R.MAIN)], asOf, year);
    expect(a).toMatchObject({ year: year ?? 2026, total, status });
  });
});

describe('assessPractitioner: repair (−1 each, at most 4 a year, never below 0, never undoes a termination)', () => {
  const six = ev(T.PENALTY_ART38, '2025-02-01', R.MAIN);

  it.each<[string, CreditEvent[], number, S, number[], string[]]>([
    [
      'one repair: 6 → 5 REMINDED',
      [six, ...repairs('2025-03-01')],
      5,
      S.REMINDED,
      [6, -1],
      ['PENALTY_ART38', 'REPAIR_ACTIVITY'],
    ],
    [
      'capped at 4 a year',
      [six, ...repairs('2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05')],
      2,
      S.ACTIVE,
      [6, -1, -1, -1, -1, 0],
      [
        'PENALTY_ART38',
        'REPAIR_ACTIVITY',
        'REPAIR_ACTIVITY',
        'REPAIR_ACTIVITY',
        'REPAIR_ACTIVITY',
        'REPAIR_ACTIVITY:YEARLY_CAP',
      ],
    ],
    [
      'never below 0, and a repair that takes nothing off does not use the cap',
      [
        ...repairs('2025-01-05'),
        six,
        ...repairs('2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04').map((r) => ({ ...r, id: `x${r.id}` })),
      ],
      2,
      S.ACTIVE,
      [0, 6, -1, -1, -1, -1],
      [
        'REPAIR_ACTIVITY:NOTHING_TO_REPAIR',
        'PENALTY_ART38',
        'REPAIR_ACTIVITY',
        'REPAIR_ACTIVITY',
        'REPAIR_ACTIVITY',
        'REPAIR_ACTIVITY',
      ],
    ],
    [
      'never undoes a termination',
      [six, ev(T.PENALTY_ART39, '2025-02-10', R.MAIN), ...repairs('2025-03-01')],
      12,
      S.TERMINATED,
      [6, 6, 0],
      ['PENALTY_ART38', 'PENALTY_ART39', 'REPAIR_ACTIVITY:TERMINATED'],
    ],
    [
      'lowers the points but not a suspension already imposed',
      [ev(T.IMPERSONATED_SETTLEMENT, '2025-02-01', R.MAIN), ...repairs('2025-03-01')],
      8,
      S.SUSPENDED,
      [9, -1],
      ['IMPERSONATED_SETTLEMENT', 'REPAIR_ACTIVITY'],
    ],
  ])('%s', (_name, events, total, status, points, rules) => {
    const a = assess(events, '2025-03-31');
    expect(a).toMatchObject({ total, status });
    expect(a.explanation.map((l) => l.points)).toEqual(points);
    expect(a.explanation.map((l) => l.rule)).toEqual(rules);
  });

  it('the yearly cap starts again on 1 January', () => {
    const events = [
      six,
      ...repairs('2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04'),
      ev(T.PENALTY_ART38, '2026-02-01', R.MAIN, { id: 'next' }),
      ...repairs('2026-03-01').map((r) => ({ ...r, id: 'y' })),
    ];
    expect(assess(events, '2026-03-31')).toMatchObject({ total: 5, status: S.REMINDED });
  });
});
