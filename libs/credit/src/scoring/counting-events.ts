import { CreditEvent, EventStatus } from '../model';

/**
 * The events that have effect on `asOf`, in decision order (decidedOn, then id): FINAL and UNDER_APPEAL only
 * (domain.md §2 lifecycle: PROPOSED has no effect, an appeal keeps the effect, REVOKED and AMENDED are
 * replaced), decided on or before `asOf` (as-of queries see what was decided by then). One filter and one sort,
 * so every rule after it can work in a single pass. The input array is not changed.
 */
export function countingEvents(events: readonly CreditEvent[], asOf: string): CreditEvent[] {
  const out: CreditEvent[] = [];
  for (const e of events) {
    if ((e.status === EventStatus.FINAL || e.status === EventStatus.UNDER_APPEAL) && e.decidedOn <= asOf) out.push(e);
  }
  return out.sort(compareDecisionOrder);
}

export function compareDecisionOrder(a: CreditEvent, b: CreditEvent): number {
  if (a.decidedOn !== b.decidedOn) return a.decidedOn < b.decidedOn ? -1 : 1;
  return compareIds(a.id, b.id);
}

/**
 * Ids are decimal strings of unsigned BIGINTs (no leading zeros), so they order as numbers: the shorter one
 * first, then digit by digit. "9" comes before "10", as `ORDER BY id` does in the database. Without a BigInt.
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
