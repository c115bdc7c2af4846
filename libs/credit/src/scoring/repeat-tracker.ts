import { CreditEvent } from '../model';
import { addMonths } from './dates';
import { sameCase } from './same-indicator-key';

interface Last {
  event: CreditEvent;
  repeatWindowEnd: string;
}

/**
 * 屡查屡犯: is an event a repeat of an earlier one of the same family (same type for institutions, any
 * settlement-suspending event for insured persons) decided less than `withinMonths` before it? An earlier event
 * of the same case (same decision number) is the same finding, not a repeat.
 *
 * Events must be fed in decision order. Only the latest earlier event of another case matters (the window is
 * monotone in the decision date), so per family we keep the latest event and the latest one of a different
 * case: O(1) per event instead of a scan of all earlier ones.
 */
export class RepeatTracker<K> {
  private readonly last = new Map<K, { latest: Last; otherCase: Last | null }>();

  constructor(private readonly withinMonths: number) {}

  /** Whether `e` repeats an earlier event of `family`; then records `e`. */
  observe(family: K, e: CreditEvent): boolean {
    const state = this.last.get(family);
    const entry: Last = { event: e, repeatWindowEnd: addMonths(e.decidedOn, this.withinMonths) };
    if (state === undefined) {
      this.last.set(family, { latest: entry, otherCase: null });
      return false;
    }
    const earlier = sameCase(state.latest.event, e) ? state.otherCase : state.latest;
    const repeat = earlier !== null && e.decidedOn < earlier.repeatWindowEnd;
    if (!sameCase(state.latest.event, e)) state.otherCase = state.latest;
    state.latest = entry;
    return repeat;
  }
}
