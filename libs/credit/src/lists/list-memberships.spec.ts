import { EventType as T, SubjectType } from '../model';
import { ev, memberships, reasons } from './list-memberships.fixture';

const ORG = SubjectType.MEDICAL_INSTITUTION;

describe('listMemberships: every reason, in a deterministic order', () => {
  it('nothing for a clean record', () => {
    expect(memberships(ORG, [], '2025-07-01')).toEqual([]);
  });

  it('several reasons at once: one membership per entry event, then key supervision; input order does not matter', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-01-10', { decisionNo: 'P-1' });
    const referral = ev(T.POLICE_REFERRAL_CONFIRMED, '2025-02-10', { decisionNo: 'R-1' });
    const termination = ev(T.AGREEMENT_TERMINATED, '2025-02-10', { decisionNo: 'A-1' });
    const notPerformed = ev(T.PENALTY_NOT_PERFORMED, '2025-03-01', { decisionNo: 'P-1' });
    const expected = [
      'SEVERE_DISHONESTY:PENALTY_ART40',
      'SEVERE_DISHONESTY:POLICE_REFERRAL_CONFIRMED', // same date as the termination: by event id
      'SEVERE_DISHONESTY:AGREEMENT_TERMINATED_FRAUD',
      'SEVERE_DISHONESTY:PENALTY_NOT_PERFORMED',
      'KEY_SUPERVISION:GRADE_E',
    ];
    expect(reasons(memberships(ORG, [fraud, referral, termination, notPerformed], '2025-07-01'))).toEqual(expected);
    expect(reasons(memberships(ORG, [notPerformed, termination, referral, fraud], '2025-07-01'))).toEqual(expected);
  });

  it('each entry leaves on its own planned end; key supervision follows the grade', () => {
    const fraud = ev(T.PENALTY_ART40, '2025-01-10');
    const notPerformed = ev(T.PENALTY_NOT_PERFORMED, '2026-05-01', { decisionNo: 'P-1' });
    expect(reasons(memberships(ORG, [fraud, notPerformed], '2028-01-09'))).toEqual([
      'SEVERE_DISHONESTY:PENALTY_ART40',
      'SEVERE_DISHONESTY:PENALTY_NOT_PERFORMED',
      'KEY_SUPERVISION:GRADE_E',
    ]);
    expect(reasons(memberships(ORG, [fraud, notPerformed], '2028-01-10'))).toEqual([
      'SEVERE_DISHONESTY:PENALTY_NOT_PERFORMED',
      'KEY_SUPERVISION:GRADE_E', // still on the severe list: E
    ]);
    // 2029-05-01: every entry expired and Art.40's 36 months are over: back to B.
    expect(memberships(ORG, [fraud, notPerformed], '2029-05-01')).toEqual([]);
  });

  it('is a pure function of its inputs: the events are not changed or reordered', () => {
    const events = [ev(T.POLICE_REFERRAL_CONFIRMED, '2025-02-10'), ev(T.PENALTY_ART40, '2025-01-10')];
    const copy = JSON.parse(JSON.stringify(events));
    memberships(ORG, events, '2025-07-01');
    expect(events).toEqual(copy);
  });
});
