import { AssessmentResult, EventType, SubjectType } from '@app/credit';
import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';
import { AmountDistribution } from './amount-distribution';

/** The type-specific fields of an event; absent fields are left out of the item. */
export interface EventDetails {
  amountInvolvedFen?: number;
  fineFen?: number;
  fineMultiple?: number;
  suspensionDays?: number;
  assessmentResult?: AssessmentResult;
}

const T = EventType;
const AMOUNTS = {
  orgRecovery: new AmountDistribution([[500, 10_000, 50], [10_001, 100_000, 35], [100_001, 1_000_000, 15]]),
  personRecovery: new AmountDistribution([[200, 5_000, 60], [5_001, 50_000, 40]]),
  breach: new AmountDistribution([[2_000, 50_000, 70], [50_001, 200_000, 30]]),
  art38Loss: new AmountDistribution([[2_000, 50_000, 50], [50_001, 500_000, 40], [500_001, 2_000_000, 10]]),
  art40Loss: new AmountDistribution([[10_000, 200_000, 40], [200_001, 1_000_000, 40], [1_000_001, 5_000_000, 20]]),
  policeLoss: new AmountDistribution([[100_000, 1_000_000, 60], [1_000_001, 10_000_000, 40]]),
  // The bands of the settlement suspension (domain.md §3): < 10,000 yuan, 10,000–50,000, > 50,000.
  insuredViolation: new AmountDistribution([[300, 9_999, 65], [10_000, 50_000, 25], [50_001, 200_000, 10]]),
  insuredFraud: new AmountDistribution([[20_000, 100_000, 60], [100_001, 500_000, 40]]),
};

const ASSESSMENTS = new WeightedChoice([
  [AssessmentResult.EXCELLENT, 20],
  [AssessmentResult.GOOD, 45],
  [AssessmentResult.PASS, 28],
  [AssessmentResult.FAIL, 7],
]);

// 条例 Art.39: 10,000–50,000 yuan, decided in steps of 1,000 yuan (100,000 fen).
const ART39_STEPS: readonly [number, number] = [10, 50];
const ART39_STEP_FEN = 100_000;
// Art.38: 1–2 times the loss; Art.40 and Art.41 fraud: 2–5 times; in tenths, as decisions state them.
const ART38_TENTHS: readonly [number, number] = [10, 20];
const FRAUD_TENTHS: readonly [number, number] = [20, 50];

/** Amounts, fines, multiples, suspension length and assessment result, within the legal ranges. */
export function eventDetails(rng: Prng, subjectType: SubjectType, type: EventType): EventDetails {
  if (subjectType === SubjectType.PRACTITIONER) return practitionerDetails(rng, type);
  if (subjectType === SubjectType.INSURED_PERSON) return insuredDetails(rng, type);
  return organisationDetails(rng, type);
}

function organisationDetails(rng: Prng, type: EventType): EventDetails {
  switch (type) {
    case T.PAYMENT_DENIED:
      return { amountInvolvedFen: AMOUNTS.orgRecovery.drawFen(rng) };
    case T.BREACH_FEE:
      return breachFee(rng);
    case T.PENALTY_ART39:
      return { fineFen: rng.int(ART39_STEPS[0], ART39_STEPS[1]) * ART39_STEP_FEN };
    case T.PENALTY_ART38:
      return multipleOfLoss(rng, AMOUNTS.art38Loss.drawFen(rng), ART38_TENTHS);
    case T.PENALTY_ART40:
      return multipleOfLoss(rng, AMOUNTS.art40Loss.drawFen(rng), FRAUD_TENTHS);
    case T.AGREEMENT_SUSPENDED:
      // 中止 under the agreement is usually 1–6 months; an Art.38 suspension is 6–12 months.
      return { suspensionDays: rng.chance(0.6) ? rng.int(30, 179) : rng.int(180, 365) };
    case T.POLICE_REFERRAL_CONFIRMED:
      return { amountInvolvedFen: AMOUNTS.policeLoss.drawFen(rng) };
    case T.ANNUAL_ASSESSMENT:
      return { assessmentResult: ASSESSMENTS.pick(rng) };
    default:
      return {};
  }
}

// A practitioner's copy of an institution's penalty carries no fine: the fine is the institution's.
function practitionerDetails(rng: Prng, type: EventType): EventDetails {
  if (type === T.PAYMENT_DENIED || type === T.IMPERSONATED_SETTLEMENT) {
    return { amountInvolvedFen: AMOUNTS.personRecovery.drawFen(rng) };
  }
  return type === T.BREACH_FEE ? breachFee(rng) : {};
}

function insuredDetails(rng: Prng, type: EventType): EventDetails {
  if (type === T.INSURED_FRAUD) return multipleOfLoss(rng, AMOUNTS.insuredFraud.drawFen(rng), FRAUD_TENTHS);
  return { amountInvolvedFen: AMOUNTS.insuredViolation.drawFen(rng) };
}

// 违约金: a share (10–30%) of the amount involved, to the fen.
function breachFee(rng: Prng): EventDetails {
  const amountInvolvedFen = AMOUNTS.breach.drawFen(rng);
  return { amountInvolvedFen, fineFen: Math.round((amountInvolvedFen * rng.int(10, 30)) / 100) };
}

function multipleOfLoss(rng: Prng, amountInvolvedFen: number, tenths: readonly [number, number]): EventDetails {
  const multipleTenths = rng.int(tenths[0], tenths[1]);
  // Integer products before the one division: no binary-fraction error reaches the fen.
  return {
    amountInvolvedFen,
    fineFen: Math.round((amountInvolvedFen * multipleTenths) / 10),
    fineMultiple: multipleTenths / 10,
  };
}
