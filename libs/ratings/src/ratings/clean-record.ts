import { rate, RateInput, RuleSet } from '@app/credit';
import { RatingOutcome, ratingOutcome } from './rating-outcome';

/**
 * What a subject without events is rated under `ruleSet` on `asOf`: the answer for subjects without a rating
 * of their own, and the reference a first rating is compared with before notifying. An institution whose
 * agreement is younger than the rule set's threshold is NOT_RATED from registration on; an unknown subject
 * (no agreement date) gets the clean record's grade.
 */
export function cleanRecordOutcome(ruleSet: RuleSet, asOf: string, agreementSignedOn: string | null = null): RatingOutcome {
  return ratingOutcome(rate({ subjectType: ruleSet.subjectType, ruleSet, events: [], asOf, subject: { agreementSignedOn } } as RateInput));
}
