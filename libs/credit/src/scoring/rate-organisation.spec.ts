import {
  AssessmentResult,
  CreditEvent,
  EventStatus,
  EventType as T,
  Grade,
  InspectionKind,
  SubjectType,
} from '../model';
import { DEFAULT_RULE_SETS, OrgRuleSet } from '../rules';
import { anEvent } from './credit-event.fixture';
import { OrgRatingInput } from './org-rating';
import { rateOrganisation } from './rate-organisation';

const RULES = DEFAULT_RULE_SETS[SubjectType.MEDICAL_INSTITUTION];
const AS_OF = '2025-06-30';

function rateWith(events: CreditEvent[], extra: Partial<OrgRatingInput> = {}) {
  return rateOrganisation({
    ruleSet: RULES,
    subject: { agreementSignedOn: '2020-01-01' },
    events,
    asOf: AS_OF,
    ...extra,
  });
}

const art38 = (decidedOn: string, o: Partial<CreditEvent> = {}) =>
  anEvent(T.PENALTY_ART38, decidedOn, { fineMultiple: 1, ...o });
const assessment = (decidedOn: string, result: AssessmentResult) =>
  anEvent(T.ANNUAL_ASSESSMENT, decidedOn, { assessmentResult: result });
const commendation = (id: string) => anEvent(T.COMMENDATION, '2025-01-10', { id });

describe('rateOrganisation: domain.md §2 worked cases', () => {
  it.each<[string, CreditEvent[], number, Grade]>([
    ['a clean record is B', [], 850, Grade.B],
    ['Art.38 penalty of multiple 1: 850 − 100 → C', [art38('2025-03-01')], 750, Grade.C],
    ['Art.38 penalty of multiple 1.5: −150', [art38('2025-03-01', { fineMultiple: 1.5 })], 700, Grade.C],
    ['the same penalty self-reported: −50 → B', [art38('2025-03-01', { selfReported: true })], 800, Grade.B],
    [
      'the same from a flight inspection: ×1.2 → −120',
      [art38('2025-03-01', { inspectionKind: InspectionKind.FLIGHT })],
      730,
      Grade.C,
    ],
    [
      'a repeated flight finding: −120 then ×1.2×1.5 = −180',
      [
        art38('2024-09-01', { inspectionKind: InspectionKind.FLIGHT }),
        art38('2025-03-01', { inspectionKind: InspectionKind.FLIGHT }),
      ],
      550,
      Grade.D,
    ],
    ['an Art.40 fraud: −400 → at best D', [anEvent(T.PENALTY_ART40, '2025-03-01')], 450, Grade.D],
    ['a termination → E (no score effect)', [anEvent(T.AGREEMENT_TERMINATED, '2025-03-01')], 850, Grade.E],
    ['a confirmed police referral → E', [anEvent(T.POLICE_REFERRAL_CONFIRMED, '2025-03-01')], 850, Grade.E],
    [
      'an excellent assessment and a kept commitment: 850 + 50 + 10 → A',
      [assessment('2025-03-01', AssessmentResult.EXCELLENT), anEvent(T.CREDIT_COMMITMENT, '2025-02-01')],
      910,
      Grade.A,
    ],
    [
      'positive effects capped at +150 (50 + 4×30 + 10 = 180)',
      [
        assessment('2025-03-01', AssessmentResult.EXCELLENT),
        ...['c1', 'c2', 'c3', 'c4'].map(commendation),
        anEvent(T.CREDIT_COMMITMENT, '2025-02-01'),
      ],
      1000,
      Grade.A,
    ],
    [
      'the cap applies to the positives before the deductions: 850 + 150 − 100',
      [
        assessment('2025-03-01', AssessmentResult.EXCELLENT),
        ...['c1', 'c2', 'c3', 'c4'].map(commendation),
        art38('2025-03-01'),
      ],
      900,
      Grade.A,
    ],
    [
      'score floor 0: three frauds −1200',
      ['a', 'b', 'c'].map((id) => anEvent(T.PENALTY_ART40, '2025-03-01', { id })),
      0,
      Grade.D,
    ],
    ['an event that has expired by asOf does not count (24 months to the day)', [art38('2023-06-30')], 850, Grade.B],
    ['an event one day before its expiry still counts', [art38('2023-07-01')], 750, Grade.C],
    ['a PROPOSED decision does not count', [art38('2025-03-01', { status: EventStatus.PROPOSED })], 850, Grade.B],
    ['a REVOKED decision does not count', [art38('2025-03-01', { status: EventStatus.REVOKED })], 850, Grade.B],
    [
      'an AMENDED (replaced) version does not count',
      [art38('2025-03-01', { status: EventStatus.AMENDED })],
      850,
      Grade.B,
    ],
    [
      'a decision UNDER_APPEAL keeps its effect',
      [art38('2025-03-01', { status: EventStatus.UNDER_APPEAL })],
      750,
      Grade.C,
    ],
    ['a decision after asOf does not count yet', [art38('2025-07-01')], 850, Grade.B],
    [
      'same decisionNo and type count once, the largest kept',
      [
        art38('2025-03-01', { id: 'x1', decisionNo: '津医保罚〔2025〕1号' }),
        art38('2025-03-01', { id: 'x2', decisionNo: '津医保罚〔2025〕1号', fineMultiple: 1.5 }),
      ],
      700,
      Grade.C,
    ],
    [
      'same decisionNo, different types add up',
      [
        art38('2025-03-01', { decisionNo: '津医保罚〔2025〕1号' }),
        anEvent(T.INTERVIEW, '2025-03-01', { decisionNo: '津医保罚〔2025〕1号' }),
      ],
      740,
      Grade.C,
    ],
    [
      'PAYMENT_DENIED with 230,000 yuan recovered: −5 −23 = −28',
      [anEvent(T.PAYMENT_DENIED, '2025-03-01', { amountInvolvedFen: 23_000_000 })],
      822,
      Grade.B,
    ],
    [
      'PAYMENT_DENIED with 1,000,000 yuan recovered: capped at −50',
      [anEvent(T.PAYMENT_DENIED, '2025-03-01', { amountInvolvedFen: 100_000_000 })],
      800,
      Grade.B,
    ],
  ])('%s', (_name, events, score, grade) => {
    const rating = rateWith(events);
    expect(rating.score).toBe(score);
    expect(rating.grade).toBe(grade);
  });
});

describe('rateOrganisation: one test per default deduction (domain.md §2 catalogue)', () => {
  it.each<[string, CreditEvent, number, string]>([
    ['INTERVIEW', anEvent(T.INTERVIEW, '2025-03-01'), -10, '2026-02-28'],
    ['PAYMENT_DENIED without an amount', anEvent(T.PAYMENT_DENIED, '2025-03-01'), -5, '2026-02-28'],
    [
      'PAYMENT_DENIED of 9,999 yuan (no whole 10,000)',
      anEvent(T.PAYMENT_DENIED, '2025-03-01', { amountInvolvedFen: 999_900 }),
      -5,
      '2026-02-28',
    ],
    [
      'PAYMENT_DENIED of 450,000 yuan: −5 −45 = −50',
      anEvent(T.PAYMENT_DENIED, '2025-03-01', { amountInvolvedFen: 45_000_000 }),
      -50,
      '2026-02-28',
    ],
    ['BREACH_FEE', anEvent(T.BREACH_FEE, '2025-03-01'), -20, '2026-02-28'],
    ['PENALTY_ART39', anEvent(T.PENALTY_ART39, '2025-03-01'), -50, '2027-02-28'],
    ['PENALTY_ART38 multiple 1.49', art38('2025-03-01', { fineMultiple: 1.49 }), -100, '2027-02-28'],
    ['PENALTY_ART38 multiple 2', art38('2025-03-01', { fineMultiple: 2 }), -150, '2027-02-28'],
    ['AGREEMENT_SUSPENDED', anEvent(T.AGREEMENT_SUSPENDED, '2025-03-01'), -200, '2028-02-29'],
    ['PENALTY_ART40', anEvent(T.PENALTY_ART40, '2025-03-01'), -400, '2028-02-29'],
    ['AGREEMENT_TERMINATED', anEvent(T.AGREEMENT_TERMINATED, '2025-03-01'), 0, '2028-02-29'],
    ['POLICE_REFERRAL_CONFIRMED', anEvent(T.POLICE_REFERRAL_CONFIRMED, '2025-03-01'), 0, '2028-02-29'],
    ['ANNUAL_ASSESSMENT EXCELLENT', assessment('2025-03-01', AssessmentResult.EXCELLENT), 50, '2026-02-28'],
    ['ANNUAL_ASSESSMENT GOOD', assessment('2025-03-01', AssessmentResult.GOOD), 20, '2026-02-28'],
    ['ANNUAL_ASSESSMENT PASS', assessment('2025-03-01', AssessmentResult.PASS), 0, '2026-02-28'],
    ['ANNUAL_ASSESSMENT FAIL', assessment('2025-03-01', AssessmentResult.FAIL), -50, '2026-02-28'],
    ['CREDIT_COMMITMENT', anEvent(T.CREDIT_COMMITMENT, '2025-03-01'), 10, '2026-02-28'],
    ['COMMENDATION', anEvent(T.COMMENDATION, '2025-03-01'), 30, '2027-02-28'],
  ])('%s: %i points, counts until %s', (_name, event, points, countsUntil) => {
    const rating = rateWith([event]);
    expect(rating.explanation).toEqual([expect.objectContaining({ eventId: event.id, points, countsUntil })]);
    expect(rating.score).toBe(850 + points);
  });

  it('INVESTIGATION_HOLD: no score effect, a flag while open', () => {
    const rating = rateWith([anEvent(T.INVESTIGATION_HOLD, '2020-03-01')]);
    expect(rating).toMatchObject({ score: 850, grade: Grade.B, investigationHold: true });
    expect(rating.explanation).toEqual([
      { eventId: 'INVESTIGATION_HOLD@2020-03-01', points: 0, countsUntil: null, rule: 'INVESTIGATION_HOLD' },
    ]);
  });

  it.each([
    ['2025-06-30', false], // 2025-06-01 + 29 days = 2025-06-30: ended
    ['2025-06-29', true],
  ])('INVESTIGATION_HOLD with suspensionDays 29, as of %s: open %s', (asOf, open) => {
    const hold = anEvent(T.INVESTIGATION_HOLD, '2025-06-01', { suspensionDays: 29 });
    expect(rateWith([hold], { asOf }).investigationHold).toBe(open);
  });

  it('an event type that is not an institution event (a practitioner repair) is ignored', () => {
    expect(rateWith([anEvent(T.REPAIR_ACTIVITY, '2025-03-01')])).toMatchObject({ score: 850, explanation: [] });
  });
});

describe('rateOrganisation: one test per modifier (domain.md §2 modifiers)', () => {
  it.each<[string, CreditEvent[], number[], string[]]>([
    [
      'FLIGHT ×1.2',
      [anEvent(T.INTERVIEW, '2025-03-01', { inspectionKind: InspectionKind.FLIGHT })],
      [-12],
      ['INTERVIEW+FLIGHT'],
    ],
    [
      'another inspection kind ×1',
      [anEvent(T.INTERVIEW, '2025-03-01', { inspectionKind: InspectionKind.SPECIAL })],
      [-10],
      ['INTERVIEW'],
    ],
    [
      'selfReported ×0.5',
      [anEvent(T.BREACH_FEE, '2025-03-01', { selfReported: true })],
      [-10],
      ['BREACH_FEE+SELF_REPORTED'],
    ],
    [
      'repeat within 12 months ×1.5 on the later one only',
      [anEvent(T.INTERVIEW, '2024-08-01'), anEvent(T.INTERVIEW, '2025-03-01')],
      [-10, -15],
      ['INTERVIEW', 'INTERVIEW+REPEAT'],
    ],
    [
      'exactly 12 months later is no longer a repeat',
      [anEvent(T.PENALTY_ART39, '2024-03-01'), anEvent(T.PENALTY_ART39, '2025-03-01')],
      [-50, -50],
      ['PENALTY_ART39', 'PENALTY_ART39'],
    ],
    [
      'a repeat of an earlier event that has since expired still weighs ×1.5',
      [anEvent(T.INTERVIEW, '2024-06-15'), anEvent(T.INTERVIEW, '2025-06-01')],
      [-15],
      ['INTERVIEW+REPEAT'],
    ],
    [
      'the same day: the later id is the repeat',
      [anEvent(T.BREACH_FEE, '2025-03-01', { id: 'b' }), anEvent(T.BREACH_FEE, '2025-03-01', { id: 'a' })],
      [-20, -30],
      ['BREACH_FEE', 'BREACH_FEE+REPEAT'],
    ],
    [
      'the same day: ids order as numbers, so "10" (−150) is the repeat of "9" (−100), not the other way round',
      [
        art38('2025-03-01', { id: '10', fineMultiple: 1.5 }),
        art38('2025-03-01', { id: '9' }),
      ],
      [-100, -225],
      ['PENALTY_ART38', 'PENALTY_ART38:MULTIPLE>=1.5+REPEAT'],
    ],
    [
      'a different type is not a repeat',
      [anEvent(T.INTERVIEW, '2025-01-01'), anEvent(T.BREACH_FEE, '2025-03-01')],
      [-10, -20],
      ['INTERVIEW', 'BREACH_FEE'],
    ],
    [
      'a revoked earlier event is not a repeat',
      [anEvent(T.INTERVIEW, '2025-01-01', { status: EventStatus.REVOKED }), anEvent(T.INTERVIEW, '2025-03-01')],
      [-10],
      ['INTERVIEW'],
    ],
    [
      'another hit of the same case is not a repeat',
      [
        anEvent(T.INTERVIEW, '2025-03-01', { id: 'a', decisionNo: 'N1' }),
        anEvent(T.INTERVIEW, '2025-03-01', { id: 'b', decidedOn: '2025-03-02', decisionNo: 'N1' }),
      ],
      [-10, 0],
      ['INTERVIEW', 'SAME_INDICATOR_ONCE'],
    ],
    [
      'the case after a same-case pair is a repeat of it',
      [
        anEvent(T.INTERVIEW, '2025-01-01', { id: 'a', decisionNo: 'N1' }),
        anEvent(T.INTERVIEW, '2025-01-01', { id: 'b', decisionNo: 'N1' }),
        anEvent(T.INTERVIEW, '2025-03-01', { id: 'c', decisionNo: 'N2' }),
      ],
      [-10, 0, -15],
      ['INTERVIEW', 'SAME_INDICATOR_ONCE', 'INTERVIEW+REPEAT'],
    ],
    [
      'modifiers multiply and round once, halves away from zero: −5 × 0.5 = −2.5 → −3',
      [anEvent(T.PAYMENT_DENIED, '2025-03-01', { selfReported: true })],
      [-3],
      ['PAYMENT_DENIED+SELF_REPORTED'],
    ],
    [
      'all three: −100 × 1.2 × 0.5 × 1.5 = −90',
      [art38('2024-09-01'), art38('2025-03-01', { inspectionKind: InspectionKind.FLIGHT, selfReported: true })],
      [-100, -90],
      ['PENALTY_ART38', 'PENALTY_ART38+FLIGHT+SELF_REPORTED+REPEAT'],
    ],
    [
      'the PAYMENT_DENIED cap applies before modifiers: −50 × 1.2 = −60',
      [
        anEvent(T.PAYMENT_DENIED, '2025-03-01', {
          amountInvolvedFen: 100_000_000,
          inspectionKind: InspectionKind.FLIGHT,
        }),
      ],
      [-60],
      ['PAYMENT_DENIED:CAPPED+FLIGHT'],
    ],
    [
      'modifiers never touch a bonus or an assessment',
      [
        anEvent(T.COMMENDATION, '2025-03-01', { inspectionKind: InspectionKind.FLIGHT }),
        anEvent(T.ANNUAL_ASSESSMENT, '2024-07-01', { assessmentResult: AssessmentResult.FAIL }),
        anEvent(T.ANNUAL_ASSESSMENT, '2025-05-01', { assessmentResult: AssessmentResult.FAIL, selfReported: true }),
      ],
      [-50, 30, -50],
      ['ANNUAL_ASSESSMENT:FAIL', 'COMMENDATION', 'ANNUAL_ASSESSMENT:FAIL'],
    ],
  ])('%s', (_name, events, points, rules) => {
    const { explanation } = rateWith(events);
    expect(explanation.map((l) => l.points)).toEqual(points);
    expect(explanation.map((l) => l.rule)).toEqual(rules);
  });

  it('same decisionNo and type: the larger hit keeps its points even when it comes later', () => {
    const { explanation } = rateWith([
      art38('2025-03-01', { id: 'x1', decisionNo: 'N1' }),
      art38('2025-03-01', { id: 'x2', decisionNo: 'N1', fineMultiple: 1.5 }),
    ]);
    expect(explanation).toEqual([
      { eventId: 'x1', points: 0, countsUntil: '2027-02-28', rule: 'SAME_INDICATOR_ONCE' },
      { eventId: 'x2', points: -150, countsUntil: '2027-02-28', rule: 'PENALTY_ART38:MULTIPLE>=1.5' },
    ]);
  });
});

describe('rateOrganisation: grade caps and NOT_RATED', () => {
  const lenientArt40: OrgRuleSet = {
    ...RULES,
    events: {
      ...RULES.events,
      [T.PENALTY_ART40]: { ...RULES.events.PENALTY_ART40!, points: { kind: 'FIXED', points: 0 } },
    },
  };

  it.each<[string, Partial<OrgRatingInput>, CreditEvent[], number, Grade, Grade | null]>([
    [
      'Art.40 caps a high score at D',
      { ruleSet: lenientArt40 },
      [anEvent(T.PENALTY_ART40, '2025-03-01')],
      850,
      Grade.D,
      Grade.D,
    ],
    [
      'Art.40 cap ends with its 36-month window',
      { ruleSet: lenientArt40 },
      [anEvent(T.PENALTY_ART40, '2022-06-30')],
      850,
      Grade.B,
      null,
    ],
    ['on the severe list → E', { onSevereList: true }, [], 850, Grade.E, Grade.E],
    [
      'termination beats the Art.40 cap: E',
      {},
      [anEvent(T.PENALTY_ART40, '2025-03-01'), anEvent(T.AGREEMENT_TERMINATED, '2025-04-01')],
      450,
      Grade.E,
      Grade.E,
    ],
    [
      'signed 4 months ago: NOT_RATED, score still computed',
      { subject: { agreementSignedOn: '2025-03-01' } },
      [art38('2025-04-01')],
      750,
      Grade.NOT_RATED,
      null,
    ],
    ['signed exactly 6 months ago: rated', { subject: { agreementSignedOn: '2024-12-30' } }, [], 850, Grade.B, null],
    ['signing date unknown: rated', { subject: { agreementSignedOn: null } }, [], 850, Grade.B, null],
    [
      'a new institution terminated is E, not NOT_RATED',
      { subject: { agreementSignedOn: '2025-03-01' } },
      [anEvent(T.AGREEMENT_TERMINATED, '2025-04-01')],
      850,
      Grade.E,
      Grade.E,
    ],
    [
      'a new institution with fraud is D, not NOT_RATED',
      { subject: { agreementSignedOn: '2025-03-01' } },
      [anEvent(T.PENALTY_ART40, '2025-04-01')],
      450,
      Grade.D,
      Grade.D,
    ],
  ])('%s', (_name, extra, events, score, grade, gradeCap) => {
    expect(rateWith(events, extra)).toMatchObject({ score, grade, gradeCap, notRated: grade === Grade.NOT_RATED });
  });
});

describe('rateOrganisation: flags for the budget module', () => {
  it.each<[string, CreditEvent[], Partial<OrgRatingInput>, number, boolean]>([
    [
      'A → ×0.5',
      [assessment('2025-03-01', AssessmentResult.EXCELLENT), anEvent(T.CREDIT_COMMITMENT, '2025-02-01')],
      {},
      0.5,
      false,
    ],
    ['B → ×1.0', [], {}, 1.0, false],
    ['C → ×1.5', [art38('2025-03-01')], {}, 1.5, false],
    ['D → ×2.0, key supervision, deposit retention', [anEvent(T.PENALTY_ART40, '2025-03-01')], {}, 2.0, true],
    ['E → ×2.0 and all of D’s flags', [anEvent(T.AGREEMENT_TERMINATED, '2025-03-01')], {}, 2.0, true],
    [
      'NOT_RATED → flags as B',
      [art38('2025-04-01'), art38('2025-04-02', { id: 'b' })],
      { subject: { agreementSignedOn: '2025-03-01' } },
      1.0,
      false,
    ],
  ])('%s', (_name, events, extra, inspectionFactor, severe) => {
    expect(rateWith(events, extra)).toMatchObject({
      inspectionFactor,
      keySupervision: severe,
      depositRetention: severe,
    });
  });

  const fraud = anEvent(T.PENALTY_ART40, '2025-03-01');
  const suspension = (id: string, decidedOn: string, decisionNo: string | null = id) =>
    anEvent(T.AGREEMENT_SUSPENDED, decidedOn, { id, decisionNo });

  it.each<[string, CreditEvent[], Partial<OrgRatingInput>, boolean]>([
    ['D at the last two year-ends', [fraud], { priorGrades: [{ year: 2024, grade: Grade.D }, { year: 2023, grade: Grade.D }] }, true],
    ['E and D at the last two year-ends', [fraud], { priorGrades: [{ year: 2024, grade: Grade.E }, { year: 2023, grade: Grade.D }] }, true],
    ['D last year, C the year before', [fraud], { priorGrades: [{ year: 2024, grade: Grade.D }, { year: 2023, grade: Grade.C }] }, false],
    ['D two and three years ago, C last year', [fraud], { priorGrades: [{ year: 2023, grade: Grade.D }, { year: 2022, grade: Grade.D }] }, false],
    ['C this year, D at the last two year-ends: the completed years decide', [], { priorGrades: [{ year: 2024, grade: Grade.D }, { year: 2023, grade: Grade.D }] }, true],
    ['D this year, no prior grades', [fraud], {}, false],
    ['two suspensions since signing', [suspension('s1', '2023-01-10'), suspension('s2', '2025-02-10')], {}, true],
    [
      'one suspension before signing, one after',
      [suspension('s1', '2022-01-10'), suspension('s2', '2025-02-10')],
      { subject: { agreementSignedOn: '2023-01-01' } },
      false,
    ],
    [
      'two suspensions, signing unknown, both in the last 36 months',
      [suspension('s1', '2022-07-01'), suspension('s2', '2025-02-10')],
      { subject: { agreementSignedOn: null } },
      true,
    ],
    [
      'two suspensions, signing unknown, one older than 36 months',
      [suspension('s1', '2022-06-30'), suspension('s2', '2025-02-10')],
      { subject: { agreementSignedOn: null } },
      false,
    ],
    [
      'two hits of one suspension decision are one suspension',
      [suspension('s1', '2025-01-10', 'N1'), suspension('s2', '2025-01-10', 'N1')],
      {},
      false,
    ],
    [
      'a revoked suspension does not count',
      [{ ...suspension('s1', '2024-01-10'), status: EventStatus.REVOKED }, suspension('s2', '2025-01-10')],
      {},
      false,
    ],
  ])('terminationRecommended: %s → %s', (_name, events, extra, expected) => {
    expect(rateWith(events, extra).terminationRecommended).toBe(expected);
  });
});

describe('rateOrganisation: purity and shape', () => {
  it('does not reorder or change the caller’s events, and reports the rule set version', () => {
    const events = [art38('2025-03-01', { id: 'z' }), art38('2024-09-01', { id: 'a' })];
    const copy = structuredClone(events);
    const rating = rateWith(events);
    expect(events).toEqual(copy);
    expect(rating.explanation.map((l) => l.eventId)).toEqual(['a', 'z']);
    expect(rating).toMatchObject({
      subjectType: SubjectType.MEDICAL_INSTITUTION,
      ruleSetVersion: 1,
      negativePoints: -250,
      positivePoints: 0,
    });
  });

  it('rates a pharmacy with its own rule set the same way', () => {
    const rating = rateOrganisation({
      ruleSet: DEFAULT_RULE_SETS[SubjectType.PHARMACY],
      subject: { agreementSignedOn: null },
      events: [art38('2025-03-01')],
      asOf: AS_OF,
    });
    expect(rating).toMatchObject({ subjectType: SubjectType.PHARMACY, score: 750, grade: Grade.C });
  });
});
