import { EventStatus, EventType as T, Responsibility as R, SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { ListKind, ListSeverity } from './list-kind';
import { editedRuleSet, ev, memberships, reasons } from './list-memberships.fixture';

const ORG = SubjectType.MEDICAL_INSTITUTION;
const PR = SubjectType.PRACTITIONER;
const INS = SubjectType.INSURED_PERSON;
const severe = (ms: ReturnType<typeof memberships>) => ms.filter((m) => m.list === ListKind.SEVERE_DISHONESTY);

describe('SEVERE_DISHONESTY: entry (domain.md §5)', () => {
  it('an Art.40 fraud penalty enters from its decision date for 36 months, inclusive', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-03-10', { decisionNo: '津医保罚〔2025〕7号' });
    expect(severe(memberships(ORG, [fraud], '2025-03-10'))).toEqual([
      {
        list: ListKind.SEVERE_DISHONESTY,
        reasonCode: 'PENALTY_ART40',
        eventId: fraud.id,
        effectiveFrom: '2025-03-10',
        plannedEnd: '2028-03-09',
        severity: ListSeverity.SEVERE,
      },
    ]);
  });

  it.each([
    [ORG, T.POLICE_REFERRAL_CONFIRMED],
    [ORG, T.PENALTY_NOT_PERFORMED],
    [SubjectType.PHARMACY, T.PENALTY_ART40],
    [INS, T.INSURED_FRAUD],
    [INS, T.PENALTY_NOT_PERFORMED],
  ])('%s: %s enters on its own', (subjectType, type) => {
    const e = ev(type, '2025-05-20', { decisionNo: 'X-1' });
    expect(severe(memberships(subjectType, [e], '2025-06-01'))).toEqual([
      expect.objectContaining({ reasonCode: type, eventId: e.id, effectiveFrom: '2025-05-20', plannedEnd: '2028-05-19' }),
    ]);
  });

  it.each([
    ['an agreement finding', ORG, T.PAYMENT_DENIED],
    ['an Art.38 penalty (general information, not severe)', ORG, T.PENALTY_ART38],
    ['an Art.39 penalty', ORG, T.PENALTY_ART39],
    ['a suspension', ORG, T.AGREEMENT_SUSPENDED],
    ['an insured violation without fraud', INS, T.INSURED_VIOLATION],
  ])('%s does not enter', (_, subjectType, type) => {
    expect(severe(memberships(subjectType, [ev(type, '2025-05-20')], '2025-06-01'))).toEqual([]);
  });

  it('counts FINAL and UNDER_APPEAL decisions decided by asOf; PROPOSED, REVOKED and AMENDED give nothing', () => {
    const at = (status: EventStatus) => severe(memberships(ORG, [ev(T.PENALTY_ART40, '2025-03-10', { status })], '2025-06-01'));
    expect(at(EventStatus.FINAL)).toHaveLength(1);
    expect(at(EventStatus.UNDER_APPEAL)).toHaveLength(1); // an appeal keeps the effect (§2 lifecycle)
    expect(at(EventStatus.PROPOSED)).toEqual([]); // 事先告知: no effect yet
    expect(at(EventStatus.REVOKED)).toEqual([]); // the service removes the entry as REVOKED
    expect(at(EventStatus.AMENDED)).toEqual([]); // its new version is the one that counts
    expect(severe(memberships(ORG, [ev(T.PENALTY_ART40, '2025-06-02')], '2025-06-01'))).toEqual([]); // not yet decided
  });

  it('one membership per entry event, and one per decision when a case has several hits of one type', () => {
    const a = ev(T.PENALTY_ART40, '2025-03-10', { decisionNo: 'N-1' });
    const sameCase = ev(T.PENALTY_ART40, '2025-03-10', { decisionNo: 'N-1' });
    const other = ev(T.PENALTY_ART40, '2025-04-10', { decisionNo: 'N-2' });
    expect(severe(memberships(ORG, [other, sameCase, a], '2025-06-01')).map((m) => m.eventId)).toEqual([a.id, other.id]);
  });
});

describe('SEVERE_DISHONESTY: exit after the publication period', () => {
  const fraud = ev(T.PENALTY_ART40, '2025-03-10');
  it.each([
    ['2028-03-09', 1], // the last day of publication
    ['2028-03-10', 0], // automatic exit after 3 years
    ['2030-01-01', 0],
  ])('on %s: %i membership(s)', (asOf, count) => {
    expect(severe(memberships(ORG, [fraud], asOf))).toHaveLength(count);
  });

  it('the period is the one of the rule set in force on the decision date, fixed for the entry', () => {
    // v2 from 2026-01-01 publishes severe entries for 24 months only.
    const v2 = editedRuleSet(ORG, (rs) => {
      rs.version = 2;
      rs.effectiveFrom = '2026-01-01';
      rs.lists.severeDishonesty.publicationMonths = 24;
    });
    const ruleSets = [DEFAULT_RULE_SETS[ORG], v2];
    const old = ev(T.PENALTY_ART40, '2025-03-10');
    const recent = ev(T.POLICE_REFERRAL_CONFIRMED, '2026-02-01');
    expect(severe(memberships(ORG, [old, recent], '2026-06-01', { ruleSets })).map((m) => m.plannedEnd)).toEqual([
      '2028-03-09',
      '2028-01-31',
    ]);
  });

  it('which event types enter is data: a region may drop one', () => {
    const v1 = editedRuleSet(ORG, (rs) => (rs.lists.severeDishonesty.entryEventTypes = ['PENALTY_ART40']));
    const referral = ev(T.POLICE_REFERRAL_CONFIRMED, '2025-03-10');
    expect(severe(memberships(ORG, [referral], '2025-06-01', { ruleSets: [v1] }))).toEqual([]);
  });
});

describe('SEVERE_DISHONESTY: AGREEMENT_TERMINATED for fraud', () => {
  it('enters when a fraud penalty was decided within 180 days before (the same day included)', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-01-10', { decisionNo: 'P-1' });
    const termination = ev(T.AGREEMENT_TERMINATED, '2025-07-09', { decisionNo: 'A-1' }); // 180 days later
    expect(reasons(severe(memberships(ORG, [fraud, termination], '2025-08-01')))).toEqual([
      'SEVERE_DISHONESTY:PENALTY_ART40',
      'SEVERE_DISHONESTY:AGREEMENT_TERMINATED_FRAUD',
    ]);
    const sameDay = ev(T.AGREEMENT_TERMINATED, '2025-01-10', { decisionNo: 'A-2' });
    expect(severe(memberships(ORG, [fraud, sameDay], '2025-08-01'))[1]).toMatchObject({
      reasonCode: 'AGREEMENT_TERMINATED_FRAUD',
      eventId: sameDay.id,
      effectiveFrom: '2025-01-10',
      plannedEnd: '2028-01-09',
    });
  });

  it('does not enter when the fraud penalty is older than the window, or there is none', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-01-10', { decisionNo: 'P-1' });
    const late = ev(T.AGREEMENT_TERMINATED, '2025-07-10', { decisionNo: 'A-1' }); // 181 days later
    expect(reasons(severe(memberships(ORG, [fraud, late], '2025-08-01')))).toEqual(['SEVERE_DISHONESTY:PENALTY_ART40']);
    expect(severe(memberships(ORG, [ev(T.AGREEMENT_TERMINATED, '2025-07-10')], '2025-08-01'))).toEqual([]);
  });

  it('enters with a fraud decision of the same number, from when both are known', () => {
    const termination = ev(T.AGREEMENT_TERMINATED, '2025-03-01', { decisionNo: 'C-9' });
    const fraud = ev(T.PENALTY_ART40, '2025-12-01', { decisionNo: 'C-9' });
    expect(severe(memberships(ORG, [termination, fraud], '2025-11-30'))).toEqual([]);
    expect(severe(memberships(ORG, [termination, fraud], '2025-12-01'))).toEqual([
      expect.objectContaining({ reasonCode: 'AGREEMENT_TERMINATED_FRAUD', eventId: termination.id, effectiveFrom: '2025-12-01' }),
      expect.objectContaining({ reasonCode: 'PENALTY_ART40', eventId: fraud.id, effectiveFrom: '2025-12-01' }),
    ]);
  });

  it('stops being for fraud when the fraud penalty is revoked', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-01-10', { status: EventStatus.REVOKED });
    const termination = ev(T.AGREEMENT_TERMINATED, '2025-02-10');
    expect(severe(memberships(ORG, [fraud, termination], '2025-08-01'))).toEqual([]);
  });

  it('the window is data', () => {
    const v1 = editedRuleSet(ORG, (rs) => (rs.lists.severeDishonesty.terminationForFraud.withinDays = 30));
    const fraud = ev(T.PENALTY_ART40, '2025-01-10');
    const termination = ev(T.AGREEMENT_TERMINATED, '2025-03-10');
    expect(reasons(severe(memberships(ORG, [fraud, termination], '2025-08-01', { ruleSets: [v1] })))).toEqual([
      'SEVERE_DISHONESTY:PENALTY_ART40',
    ]);
  });
});

describe('SEVERE_DISHONESTY: a practitioner terminated by a single 12-point event', () => {
  it('an Art.40 finding with MAIN responsibility (12 points) enters, for the 36 months of publication', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-04-01', { responsibility: R.MAIN });
    const expected = {
      list: ListKind.SEVERE_DISHONESTY,
      reasonCode: 'PRACTITIONER_TERMINATED_12_POINTS',
      eventId: fraud.id,
      effectiveFrom: '2025-04-01',
      plannedEnd: '2028-03-31',
      severity: ListSeverity.SEVERE,
    };
    expect(severe(memberships(PR, [fraud], '2025-04-01'))).toEqual([expected]);
    // Points reset on 1 January; the entry does not.
    expect(severe(memberships(PR, [fraud], '2027-06-01'))).toEqual([expected]);
    expect(severe(memberships(PR, [fraud], '2028-04-01'))).toEqual([]);
  });

  it('an Art.40 finding of 10 or 11 points does not; nor does reaching 12 by adding events up', () => {
    expect(severe(memberships(PR, [ev(T.PENALTY_ART40, '2025-04-01', { responsibility: R.GENERAL })], '2025-05-01'))).toEqual([]);
    expect(severe(memberships(PR, [ev(T.LICENCE_REVOKED, '2025-04-01', { responsibility: R.IMPORTANT })], '2025-05-01'))).toEqual([]);
    const cumulative = [
      ev(T.PENALTY_ART38, '2025-02-01', { responsibility: R.MAIN }), // 6
      ev(T.PENALTY_ART39, '2025-03-01', { responsibility: R.MAIN }), // 6: 12 in total, terminated with a 1-year bar
    ];
    expect(severe(memberships(PR, cumulative, '2025-05-01'))).toEqual([]);
  });

  it('a repeat in the year that a region scores at 12 points enters too', () => {
    const v1 = editedRuleSet(PR, (rs) => {
      rs.tiers[2].points = { GENERAL: 10, IMPORTANT: 11, MAIN: 12 }; // tier 3 of this region: 10–12
      rs.tiers[3].points = { GENERAL: 13, IMPORTANT: 14, MAIN: 15 };
      rs.termination.minPoints = 16;
      rs.termination.singleEventMinPoints = 12;
    });
    const first = ev(T.INTERVIEW, '2025-02-01', { responsibility: R.MAIN });
    const repeat = ev(T.INTERVIEW, '2025-05-01', { responsibility: R.MAIN }); // tier 3 MAIN: 12
    expect(severe(memberships(PR, [first, repeat], '2025-06-01', { ruleSets: [v1] }))).toEqual([
      expect.objectContaining({ reasonCode: 'PRACTITIONER_TERMINATED_12_POINTS', eventId: repeat.id }),
    ]);
  });

  it('a revoked 12-point event gives nothing', () => {
    const revoked = ev(T.PENALTY_ART40, '2025-04-01', { responsibility: R.MAIN, status: EventStatus.REVOKED });
    expect(memberships(PR, [revoked], '2025-05-01')).toEqual([]);
  });

  it('the threshold is the rule set\'s termination.singleEventMinPoints', () => {
    const v1 = editedRuleSet(PR, (rs) => (rs.termination.singleEventMinPoints = 11));
    const e = ev(T.LICENCE_REVOKED, '2025-04-01', { responsibility: R.IMPORTANT }); // 11 points
    expect(reasons(severe(memberships(PR, [e], '2025-05-01', { ruleSets: [v1] })))).toEqual([
      'SEVERE_DISHONESTY:PRACTITIONER_TERMINATED_12_POINTS',
    ]);
  });
});
