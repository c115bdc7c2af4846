import { CreditEvent, EventStatus, EventType as T, Grade, SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { anEvent } from '../scoring/credit-event.fixture';
import { InsuredRatingInput } from './insured-rating';
import { rateInsuredPerson } from './rate-insured-person';

const RULES = DEFAULT_RULE_SETS[SubjectType.INSURED_PERSON];
const violation = (decidedOn: string, amountInvolvedFen: number | null = null, o: Partial<CreditEvent> = {}) =>
  anEvent(T.INSURED_VIOLATION, decidedOn, { amountInvolvedFen, ...o });
const rateWith = (events: CreditEvent[], asOf = '2025-03-10', extra: Partial<InsuredRatingInput> = {}) =>
  rateInsuredPerson({ ruleSet: RULES, events, asOf, ...extra });

describe('rateInsuredPerson: score and grade (domain.md §3)', () => {
  it.each<[string, CreditEvent[], string, number, Grade]>([
    ['no events: 100, A', [], '2025-03-10', 100, Grade.A],
    ['one violation: −30 → C', [violation('2025-03-10')], '2025-03-10', 70, Grade.C],
    ['two violations → D', [violation('2024-09-01'), violation('2025-03-10')], '2025-03-10', 40, Grade.D],
    [
      'four violations: floor 0',
      ['a', 'b', 'c', 'd'].map((id) => violation('2025-03-10', null, { id })),
      '2025-03-10',
      0,
      Grade.D,
    ],
    ['a violation counts 24 months: expired on the day', [violation('2023-03-10')], '2025-03-10', 100, Grade.A],
    ['a violation one day before expiry still counts', [violation('2023-03-11')], '2025-03-10', 70, Grade.C],
    ['fraud: −30 and grade D', [anEvent(T.INSURED_FRAUD, '2025-03-10')], '2025-03-10', 70, Grade.D],
    [
      'a PROPOSED or REVOKED decision does not count',
      [
        violation('2025-03-01', null, { status: EventStatus.PROPOSED }),
        violation('2025-03-02', null, { status: EventStatus.REVOKED }),
      ],
      '2025-03-10',
      100,
      Grade.A,
    ],
    [
      'same decisionNo and type count once',
      [
        violation('2025-03-01', null, { id: 'a', decisionNo: 'N1' }),
        violation('2025-03-01', null, { id: 'b', decisionNo: 'N1' }),
      ],
      '2025-03-10',
      70,
      Grade.C,
    ],
  ])('%s', (_name, events, asOf, score, grade) => {
    expect(rateWith(events, asOf)).toMatchObject({ score, grade });
  });

  it('on the severe list → D whatever the score', () => {
    expect(rateWith([], '2025-03-10', { onSevereList: true })).toMatchObject({
      score: 100,
      grade: Grade.D,
      gradeCap: Grade.D,
    });
  });

  it('fraud makes a severe-list candidate, a violation does not', () => {
    expect(rateWith([anEvent(T.INSURED_FRAUD, '2025-03-10')]).severeListCandidate).toBe(true);
    expect(rateWith([violation('2025-03-10')]).severeListCandidate).toBe(false);
  });

  it('explains each deduction with its last counting day', () => {
    expect(rateWith([violation('2025-03-10')]).explanation).toEqual([
      { eventId: 'INSURED_VIOLATION@2025-03-10', points: -30, countsUntil: '2027-03-09', rule: 'INSURED_VIOLATION' },
    ]);
  });
});

describe('rateInsuredPerson: direct-settlement suspension (条例 Art.41, 3–12 months)', () => {
  it.each<[string, CreditEvent[], string | null]>([
    ['unknown amount: lowest band, 3 months', [violation('2025-03-10')], '2025-06-09'],
    ['9,999.99 yuan: 3 months', [violation('2025-03-10', 999_999)], '2025-06-09'],
    ['10,000 yuan: 6 months', [violation('2025-03-10', 1_000_000)], '2025-09-09'],
    ['50,000 yuan: 6 months', [violation('2025-03-10', 5_000_000)], '2025-09-09'],
    ['50,000.01 yuan: 12 months', [violation('2025-03-10', 5_000_001)], '2026-03-09'],
    [
      'a repeat within 24 months: 12 months even for a small amount',
      [violation('2024-01-10', 100), violation('2025-03-10', 100)],
      '2026-03-09',
    ],
    [
      'an earlier violation 24 months before is no repeat',
      [violation('2023-03-10', 100), violation('2025-03-10', 100)],
      '2025-06-09',
    ],
    [
      'fraud after a violation is a repeat',
      [violation('2024-06-01', 100), anEvent(T.INSURED_FRAUD, '2025-03-10')],
      '2026-03-09',
    ],
    [
      'fraud suspends like a violation',
      [anEvent(T.INSURED_FRAUD, '2025-03-10', { amountInvolvedFen: 1_000_000 })],
      '2025-09-09',
    ],
  ])('%s: suspended until %s', (_name, events, until) => {
    expect(rateWith(events).directSettlementSuspendedUntil).toBe(until);
  });

  it.each([
    ['2025-06-09', '2025-06-09'],
    ['2025-06-10', null],
  ])('as of %s the 3-month suspension is reported as %s', (asOf, until) => {
    expect(rateWith([violation('2025-03-10', 100)], asOf).directSettlementSuspendedUntil).toBe(until);
  });

  it('two overlapping suspensions: the later end applies', () => {
    const events = [
      violation('2025-01-10', 5_000_001, { decisionNo: 'N1' }),
      violation('2025-03-10', 100, { decisionNo: 'N1', type: T.INSURED_FRAUD }),
    ];
    expect(rateWith(events).directSettlementSuspendedUntil).toBe('2026-01-09');
  });
});
