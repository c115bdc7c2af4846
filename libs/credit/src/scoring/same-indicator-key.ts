import { CreditEvent } from '../model';

/**
 * Several hits on the same indicator in one case count once: events with the same `decisionNo` and type
 * [L:Shandong]. `null` when the event has no decision number, which makes it its own case.
 */
export function sameIndicatorKey(e: CreditEvent): string | null {
  return e.decisionNo === null || e.decisionNo === '' ? null : `${e.type}\u0000${e.decisionNo}`;
}

/** Whether two events belong to the same case (same non-empty decision number). */
export function sameCase(a: CreditEvent, b: CreditEvent): boolean {
  return a.decisionNo !== null && a.decisionNo !== '' && a.decisionNo === b.decisionNo;
}
