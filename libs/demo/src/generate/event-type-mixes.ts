import { EventType } from '@app/credit';
import { WeightedChoice } from '../random/weighted-choice';

const T = EventType;

export interface EventTypeMixes {
  /** Annual assessments are not in this mix: they come once a year per city, see annual-assessments.ts. */
  readonly organisation: WeightedChoice<EventType>;
  readonly practitioner: WeightedChoice<EventType>;
  readonly insured: WeightedChoice<EventType>;
}

/**
 * Relative frequencies following domain.md: agreement measures are everyday work, administrative penalties
 * less common, suspension, fraud, termination and police referral rare; recognitions now and then.
 */
export const EVENT_TYPE_MIXES: EventTypeMixes = {
  organisation: new WeightedChoice([
    [T.INTERVIEW, 24],
    [T.PAYMENT_DENIED, 30],
    [T.BREACH_FEE, 8],
    [T.PENALTY_ART39, 6],
    [T.PENALTY_ART38, 8],
    [T.AGREEMENT_SUSPENDED, 1.5],
    [T.PENALTY_ART40, 1],
    [T.AGREEMENT_TERMINATED, 0.6],
    [T.POLICE_REFERRAL_CONFIRMED, 0.5],
    [T.CREDIT_COMMITMENT, 6],
    [T.COMMENDATION, 2.5],
    [T.INVESTIGATION_HOLD, 1.2],
    [T.PENALTY_NOT_PERFORMED, 0.3], // most fines are paid: a penalty not carried out is rarer than fraud
  ]),
  // Tier 1 most, tier 2 some, tier 4 rare (domain.md §4); repair activities are common once points exist.
  practitioner: new WeightedChoice([
    [T.INTERVIEW, 30],
    [T.PAYMENT_DENIED, 22],
    [T.BREACH_FEE, 6],
    [T.PENALTY_ART38, 8],
    [T.PENALTY_ART39, 5],
    [T.PENALTY_ART40, 1.2],
    [T.IMPERSONATED_SETTLEMENT, 1.5],
    [T.LICENCE_REVOKED, 0.7],
    [T.REPAIR_ACTIVITY, 12],
  ]),
  insured: new WeightedChoice([
    [T.INSURED_VIOLATION, 95],
    [T.INSURED_FRAUD, 5],
    [T.PENALTY_NOT_PERFORMED, 1],
  ]),
};
