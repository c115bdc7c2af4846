import { SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from './default-rule-sets';
import { validateRuleSet } from './validate-rule-set';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A deep copy of a default rule set, changed by `edit`, as an operator's JSON upload would arrive. */
function edited(subjectType: SubjectType, edit: (rs: Json) => void): unknown {
  const rs = JSON.parse(JSON.stringify(DEFAULT_RULE_SETS[subjectType])) as Json;
  edit(rs);
  return rs;
}

const ORG = SubjectType.MEDICAL_INSTITUTION;
const PR = SubjectType.PRACTITIONER;
const INS = SubjectType.INSURED_PERSON;

describe('DEFAULT_RULE_SETS', () => {
  it.each(Object.values(SubjectType))('%s: version 1 from 2025-01-01, valid, and plain JSON', (subjectType) => {
    const rs = DEFAULT_RULE_SETS[subjectType];
    expect(rs).toMatchObject({ subjectType, version: 1, effectiveFrom: '2025-01-01' });
    expect(validateRuleSet(rs)).toEqual([]);
    expect(JSON.parse(JSON.stringify(rs))).toEqual(rs); // storable in the database as is
  });

  it('is frozen: a region changes a number by storing a new version', () => {
    expect(() => {
      (DEFAULT_RULE_SETS.MEDICAL_INSTITUTION.score as { base: number }).base = 900;
    }).toThrow(TypeError);
  });
});

describe('validateRuleSet refuses a broken rule set', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 'x', 'ruleSet: must be an object'],
    ['unknown subject type', edited(ORG, (rs) => (rs.subjectType = 'HOSPITAL')), 'subjectType: must be one of'],
    ['version 0', edited(ORG, (rs) => (rs.version = 0)), 'version: must be at least 1'],
    [
      'an impossible effective date',
      edited(ORG, (rs) => (rs.effectiveFrom = '2025-02-30')),
      "effectiveFrom: must be a calendar date 'YYYY-MM-DD'",
    ],
    ['a missing threshold', edited(ORG, (rs) => delete rs.gradeThresholds.B), 'gradeThresholds.B: is missing'],
    [
      'non-monotonic thresholds',
      edited(ORG, (rs) => (rs.gradeThresholds.C = 850)),
      'gradeThresholds: A, B, C must be strictly decreasing',
    ],
    [
      'a threshold above max',
      edited(ORG, (rs) => (rs.gradeThresholds.A = 1200)),
      'gradeThresholds.A: must be above score.min (0) and at most score.max (1000)',
    ],
    ['base outside the scale', edited(ORG, (rs) => (rs.score.base = 1001)), 'score.base: must be within 0–1000'],
    ['min not below max', edited(ORG, (rs) => (rs.score.min = 1000)), 'score: min must be below max'],
    [
      'a negative positive cap',
      edited(ORG, (rs) => (rs.score.positiveCap = -1)),
      'score.positiveCap: must be at least 0',
    ],
    [
      'a negative window',
      edited(ORG, (rs) => (rs.events.INTERVIEW.windowMonths = -12)),
      'events.INTERVIEW.windowMonths: must be at least 1',
    ],
    [
      'a fractional deduction',
      edited(ORG, (rs) => (rs.events.INTERVIEW.points.points = -10.5)),
      'events.INTERVIEW.points.points: must be a whole number',
    ],
    [
      'an open window with points',
      edited(ORG, (rs) => (rs.events.INTERVIEW.windowMonths = null)),
      'events.INTERVIEW.windowMonths: may be null only for a flag with 0 points',
    ],
    [
      'an event type of another subject',
      edited(ORG, (rs) => (rs.events.REPAIR_ACTIVITY = rs.events.INTERVIEW)),
      'events.REPAIR_ACTIVITY: is not an institution or pharmacy event type',
    ],
    [
      'an unknown points kind',
      edited(ORG, (rs) => (rs.events.INTERVIEW.points.kind = 'LINEAR')),
      'events.INTERVIEW.points.kind: must be one of',
    ],
    [
      'a cap smaller than the base deduction',
      edited(ORG, (rs) => (rs.events.PAYMENT_DENIED.points.capPoints = -3)),
      'events.PAYMENT_DENIED.points.capPoints: must not be smaller in size than points',
    ],
    [
      'a zero per-amount unit',
      edited(ORG, (rs) => (rs.events.PAYMENT_DENIED.points.perAmountFen = 0)),
      'events.PAYMENT_DENIED.points.perAmountFen: must be at least 1',
    ],
    [
      'fine-multiple steps out of order',
      edited(ORG, (rs) => rs.events.PENALTY_ART38.points.steps.push({ minMultiple: 1.2, points: -120 })),
      'events.PENALTY_ART38.points.steps: minMultiple must be strictly increasing',
    ],
    [
      'an assessment result missing',
      edited(ORG, (rs) => delete rs.events.ANNUAL_ASSESSMENT.points.points.FAIL),
      'events.ANNUAL_ASSESSMENT.points.points.FAIL: is missing',
    ],
    [
      'an unknown grade cap',
      edited(ORG, (rs) => (rs.events.PENALTY_ART40.gradeCap = 'F')),
      'events.PENALTY_ART40.gradeCap: must be one of',
    ],
    [
      'a self-report factor above 1',
      edited(ORG, (rs) => (rs.modifiers.selfReportedFactor = 1.5)),
      'modifiers.selfReportedFactor: must be at most 1',
    ],
    [
      'a repeat weight below 1',
      edited(ORG, (rs) => (rs.modifiers.repeatWeight = 0.9)),
      'modifiers.repeatWeight: must be at least 1',
    ],
    [
      'a missing inspection factor',
      edited(ORG, (rs) => delete rs.inspectionFactors.E),
      'inspectionFactors.E: is missing',
    ],
    [
      'a negative not-rated period',
      edited(ORG, (rs) => (rs.notRatedMonths = -6)),
      'notRatedMonths: must be at least 0',
    ],
    ['tiers out of order', edited(PR, (rs) => rs.tiers.reverse()), 'tiers: tier must be strictly increasing'],
    ['overlapping tiers', edited(PR, (rs) => (rs.tiers[1].points.GENERAL = 3)), 'tiers: tier ranges must not overlap'],
    [
      'points decreasing with responsibility',
      edited(PR, (rs) => (rs.tiers[0].points.MAIN = 1)),
      'tiers[0].points: must not decrease from GENERAL to IMPORTANT to MAIN',
    ],
    [
      'an event type in two tiers',
      edited(PR, (rs) => rs.tiers[1].eventTypes.push('INTERVIEW')),
      'tiers[1].eventTypes[2]: INTERVIEW is already in tiers[0]',
    ],
    [
      'repair as a tiered type',
      edited(PR, (rs) => rs.tiers[0].eventTypes.push('REPAIR_ACTIVITY')),
      'tiers[0].eventTypes[3]: is not a practitioner event type with points',
    ],
    [
      'a repeat to a missing tier',
      edited(PR, (rs) => (rs.repeatInYear.toTier = 7)),
      'repeatInYear.toTier: is not a tier of this rule set',
    ],
    [
      'suspension steps out of order',
      edited(PR, (rs) => (rs.cumulativeSuspensions[2].minPoints = 9)),
      'cumulativeSuspensions: minPoints must be strictly increasing',
    ],
    [
      'a suspension step at termination',
      edited(PR, (rs) => (rs.cumulativeSuspensions[2].minPoints = 12)),
      'cumulativeSuspensions: every step must be below termination.minPoints',
    ],
    [
      'status ladder out of order',
      edited(PR, (rs) => (rs.status.keySupervisionFrom = 2)),
      'status: remindedFrom, keySupervisionFrom, the first suspension, termination must be strictly increasing',
    ],
    [
      'a zero-month bar',
      edited(PR, (rs) => (rs.termination.barMonths = 0)),
      'termination.barMonths: must be at least 1',
    ],
    [
      'a negative repair cap',
      edited(PR, (rs) => (rs.repair.maxPointsPerYear = -1)),
      'repair.maxPointsPerYear: must be at least 0',
    ],
    [
      'insured bands out of order',
      edited(INS, (rs) => (rs.settlementSuspension.bands[1].upToFen = 500)),
      'settlementSuspension.bands: upToFen must be strictly increasing',
    ],
    [
      'an insured last band with a bound',
      edited(INS, (rs) => (rs.settlementSuspension.bands[2].upToFen = 9_000_000)),
      'settlementSuspension.bands[2].upToFen: must be null in the last band',
    ],
    [
      'an insured window missing',
      edited(INS, (rs) => delete rs.events.INSURED_VIOLATION.windowMonths),
      'events.INSURED_VIOLATION.windowMonths: is missing',
    ],
    [
      'an insured grade cap of E',
      edited(INS, (rs) => (rs.events.INSURED_FRAUD.gradeCap = 'E')),
      'events.INSURED_FRAUD.gradeCap: must be one of',
    ],
    [
      'an institution type on insured persons',
      edited(INS, (rs) => (rs.events.INTERVIEW = rs.events.INSURED_VIOLATION)),
      'events.INTERVIEW: is not an insured-person event type',
    ],
    // lists (domain.md §5)
    ['rule set without lists', edited(ORG, (rs) => delete rs.lists), 'lists: is missing'],
    [
      'a severe publication beyond 3 years',
      edited(ORG, (rs) => (rs.lists.severeDishonesty.publicationMonths = 48)),
      'lists.severeDishonesty.publicationMonths: must be at most 36',
    ],
    [
      'a general publication under 3 months',
      edited(INS, (rs) => (rs.lists.general.publicationMonths = 2)),
      'lists.general.publicationMonths: must be at least 3',
    ],
    [
      'repair allowed only after publication ended',
      edited(PR, (rs) => (rs.lists.general.repairMinimumMonths = 13)),
      'lists.general.repairMinimumMonths: must not exceed publicationMonths',
    ],
    [
      'an entry type of another subject',
      edited(ORG, (rs) => rs.lists.severeDishonesty.entryEventTypes.push('INSURED_FRAUD')),
      'lists.severeDishonesty.entryEventTypes[3]: is not an event type of this subject type',
    ],
    [
      'an entry type twice',
      edited(ORG, (rs) => rs.lists.severeDishonesty.entryEventTypes.push('PENALTY_ART40')),
      'lists.severeDishonesty.entryEventTypes[3]: PENALTY_ART40 is listed twice',
    ],
    [
      'a negative fraud window',
      edited(ORG, (rs) => (rs.lists.severeDishonesty.terminationForFraud.withinDays = -1)),
      'lists.severeDishonesty.terminationForFraud.withinDays: must be at least 0',
    ],
    [
      'no objection period',
      edited(ORG, (rs) => (rs.lists.severeDishonesty.objectionWorkingDays = 0)),
      'lists.severeDishonesty.objectionWorkingDays: must be at least 1',
    ],
    [
      'good conduct after zero years',
      edited(ORG, (rs) => (rs.lists.goodConduct.consecutiveYears = 0)),
      'lists.goodConduct.consecutiveYears: must be at least 1',
    ],
    [
      'key supervision at grade E for insured persons',
      edited(INS, (rs) => rs.lists.keySupervision.grades.push('E')),
      'lists.keySupervision.grades[1]: must be one of',
    ],
    [
      'a repair decision period missing',
      edited(ORG, (rs) => delete rs.lists.repair.decisionWorkingDays),
      'lists.repair.decisionWorkingDays: is missing',
    ],
    [
      'insured fraud a candidate but not an entry type',
      edited(INS, (rs) => (rs.lists.severeDishonesty.entryEventTypes = ['PENALTY_NOT_PERFORMED'])),
      'events.INSURED_FRAUD.severeListCandidate: must agree with lists.severeDishonesty.entryEventTypes',
    ],
  ])('%s', (_name, rs, problem) => {
    const problems = validateRuleSet(rs);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
  });

  it('reports every problem at once', () => {
    const rs = edited(ORG, (rs) => {
      rs.version = 0;
      rs.gradeThresholds.B = 950;
      rs.events.BREACH_FEE.windowMonths = -1;
    });
    expect(validateRuleSet(rs)).toHaveLength(3);
  });
});
