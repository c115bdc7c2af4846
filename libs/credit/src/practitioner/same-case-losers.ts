import { CreditEvent, EventType, Responsibility } from '../model';
import { sameIndicatorKey } from '../scoring/same-indicator-key';

const RANK: Readonly<Record<Responsibility, number>> = { GENERAL: 1, IMPORTANT: 2, MAIN: 3 };

/**
 * Hits of one case on one person (same decision number and type) count once, as for institutions
 * (domain.md §2 [L:Shandong]); the hit with the heaviest responsibility is kept, the earlier one on a tie.
 * Returns the others. This must be known before the pass over the year, because points feed thresholds as
 * they arrive. Repair activities are each a separate verified activity and are never merged.
 * `events` are in decision order.
 */
export function sameCaseLosers(events: readonly CreditEvent[]): ReadonlySet<CreditEvent> {
  let kept: Map<string, CreditEvent> | null = null;
  const losers = new Set<CreditEvent>();
  for (const e of events) {
    const key = e.type === EventType.REPAIR_ACTIVITY ? null : sameIndicatorKey(e);
    if (key === null) continue;
    kept ??= new Map();
    const previous = kept.get(key);
    if (previous === undefined) {
      kept.set(key, e);
    } else if (rank(e) > rank(previous)) {
      losers.add(previous);
      kept.set(key, e);
    } else {
      losers.add(e);
    }
  }
  return losers;
}

function rank(e: CreditEvent): number {
  return RANK[e.responsibility ?? Responsibility.GENERAL];
}
