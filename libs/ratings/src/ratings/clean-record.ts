import { rate, RateInput, RuleSet } from '@app/credit';
import { RatingOutcome, ratingOutcome } from './rating-outcome';

/**
 * What a subject without events is rated under `ruleSet` on `asOf`: the answer for subjects without a
 * rating of their own, and the reference a first rating is compared with before notifying.
 */
export function cleanRecordOutcome(ruleSet: RuleSet, asOf: string): RatingOutcome {
  return ratingOutcome(rate({ subjectType: ruleSet.subjectType, ruleSet, events: [], asOf, subject: { agreementSignedOn: null } } as RateInput));
}
