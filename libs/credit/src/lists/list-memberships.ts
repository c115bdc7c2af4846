import { compareIds } from '../scoring/counting-events';
import { rateOnDate } from '../scoring/rate-on-date';
import { goodConductMembership } from './good-conduct-membership';
import { keySupervisionMembership } from './key-supervision-membership';
import { ListKind } from './list-kind';
import { ListMembership } from './list-membership';
import { ListMembershipsInput } from './list-memberships-input';
import { severeDishonestyMemberships } from './severe-dishonesty-memberships';

export type { ListMembershipsInput } from './list-memberships-input';

const LIST_ORDER: readonly ListKind[] = [ListKind.SEVERE_DISHONESTY, ListKind.GOOD_CONDUCT, ListKind.KEY_SUPERVISION];

/**
 * Every list membership the rules give the subject on asOf (zero, one or several; one per reason/event), in a
 * deterministic order: by list (severe, good conduct, key supervision), then effectiveFrom, event id, reasonCode.
 * The grade-based lists read the rating on asOf (rateOnDate) with the severe list taken into account: a subject
 * on SEVERE_DISHONESTY is E (D for insured persons), so it is on KEY_SUPERVISION and never on GOOD_CONDUCT.
 */
export function listMemberships(input: ListMembershipsInput): ListMembership[] {
  const severe = severeDishonestyMemberships(input);
  const rating = rateOnDate({ ...input, onSevereList: input.onSevereList ?? severe.length > 0 });
  const out = [...severe];
  const good = goodConductMembership(input, rating);
  if (good !== null) out.push(good);
  const key = keySupervisionMembership(input, rating);
  if (key !== null) out.push(key);
  return out.sort(compareMemberships);
}

function compareMemberships(a: ListMembership, b: ListMembership): number {
  const byList = LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list);
  if (byList !== 0) return byList;
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? -1 : 1;
  if (a.eventId !== b.eventId) {
    if (a.eventId === null) return -1;
    if (b.eventId === null) return 1;
    const byId = compareIds(a.eventId, b.eventId);
    if (byId !== 0) return byId;
  }
  return a.reasonCode < b.reasonCode ? -1 : a.reasonCode > b.reasonCode ? 1 : 0;
}
