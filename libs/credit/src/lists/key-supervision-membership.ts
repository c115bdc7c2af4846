import { Grade, SubjectType } from '../model';
import { Rating } from '../scoring/rate';
import { ListKind, ListSeverity } from './list-kind';
import { ListMembership } from './list-membership';
import { ListMembershipsInput } from './list-memberships-input';

export const PRACTITIONER_POINTS = 'PRACTITIONER_POINTS';

/**
 * KEY_SUPERVISION on `asOf` (domain.md §5: "grade D/E, or a practitioner at ≥ 6 points"), from `rating`, the
 * subject's rating on asOf (rateOnDate):
 * - institutions, pharmacies, insured persons: the grade is one of the rule set's `lists.keySupervision.grades`
 *   → 'GRADE_D' / 'GRADE_E' (NOT_RATED never is: it carries B's flags);
 * - practitioners: the assessment's `keySupervision` (points at or above `status.keySupervisionFrom`, or
 *   TERMINATED) → 'PRACTITIONER_POINTS'.
 * GENERAL severity, open-ended: it holds while the criterion holds. `effectiveFrom` is asOf: the day it was last
 * seen holding; the service keeps the date an entry first appeared.
 */
export function keySupervisionMembership(input: ListMembershipsInput, rating: Rating): ListMembership | null {
  const { subjectType, asOf } = input;
  let reasonCode: string | null = null;
  if (rating.subjectType === SubjectType.PRACTITIONER) {
    if (rating.keySupervision) reasonCode = PRACTITIONER_POINTS;
  } else {
    const grades: readonly Grade[] = input.ruleSetOn(subjectType, asOf).lists.keySupervision.grades;
    if (grades.includes(rating.grade)) reasonCode = `GRADE_${rating.grade}`;
  }
  if (reasonCode === null) return null;
  return {
    list: ListKind.KEY_SUPERVISION,
    reasonCode,
    eventId: null,
    effectiveFrom: asOf,
    plannedEnd: null,
    severity: ListSeverity.GENERAL,
  };
}
