import { EventType as T, Grade, PractitionerStatus, Responsibility, SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { anEvent } from './credit-event.fixture';
import { rate } from './rate';

const asOf = '2025-06-30';

describe('rate: one entry point, dispatching on subjectType', () => {
  it.each([
    [
      SubjectType.MEDICAL_INSTITUTION,
      anEvent(T.PENALTY_ART38, '2025-03-01', { fineMultiple: 1 }),
      { score: 750, grade: Grade.C },
    ],
    [SubjectType.PHARMACY, anEvent(T.INTERVIEW, '2025-03-01'), { score: 840, grade: Grade.B }],
  ] as const)('%s → rateOrganisation', (subjectType, event, expected) => {
    const result = rate({
      subjectType,
      ruleSet: DEFAULT_RULE_SETS[subjectType],
      subject: { agreementSignedOn: null },
      events: [event],
      asOf,
    });
    expect(result).toMatchObject({ subjectType, ruleSetVersion: 1, ...expected });
  });

  it('PRACTITIONER → assessPractitioner', () => {
    const result = rate({
      subjectType: SubjectType.PRACTITIONER,
      ruleSet: DEFAULT_RULE_SETS.PRACTITIONER,
      events: [anEvent(T.PENALTY_ART38, '2025-03-01', { responsibility: Responsibility.MAIN })],
      asOf,
    });
    expect(result).toMatchObject({
      subjectType: SubjectType.PRACTITIONER,
      total: 6,
      status: PractitionerStatus.KEY_SUPERVISION,
    });
  });

  it('INSURED_PERSON → rateInsuredPerson', () => {
    const result = rate({
      subjectType: SubjectType.INSURED_PERSON,
      ruleSet: DEFAULT_RULE_SETS.INSURED_PERSON,
      events: [anEvent(T.INSURED_VIOLATION, '2025-03-01')],
      asOf,
    });
    expect(result).toMatchObject({
      subjectType: SubjectType.INSURED_PERSON,
      score: 70,
      grade: Grade.C,
      directSettlementSuspendedUntil: null,
    });
  });

  it('refuses a rule set of another subject type (a caller bug)', () => {
    expect(() =>
      rate({
        subjectType: SubjectType.PHARMACY,
        ruleSet: DEFAULT_RULE_SETS.MEDICAL_INSTITUTION,
        subject: { agreementSignedOn: null },
        events: [],
        asOf,
      }),
    ).toThrow('a MEDICAL_INSTITUTION rule set cannot rate a PHARMACY');
  });
});
