import { CreditEvent } from '../model';
import { ExplanationLine, SAME_INDICATOR_ONCE } from './explanation-line';
import { sameIndicatorKey } from './same-indicator-key';

/**
 * Same decision number and type count once (domain.md §2, [L:Shandong]): of the hits of one case that count,
 * the one with the largest effect keeps its points (the earlier one on a tie, as lines arrive in decision
 * order), the others show 0 with rule SAME_INDICATOR_ONCE. The map is only allocated when a decision number
 * is seen, since most subjects have none to share.
 */
export class SameIndicatorOnce {
  private kept: Map<string, ExplanationLine> | null = null;

  keepLargest(e: CreditEvent, line: ExplanationLine): void {
    const key = sameIndicatorKey(e);
    if (key === null) return;
    this.kept ??= new Map();
    const previous = this.kept.get(key);
    if (previous === undefined) {
      this.kept.set(key, line);
    } else if (Math.abs(line.points) > Math.abs(previous.points)) {
      demote(previous);
      this.kept.set(key, line);
    } else {
      demote(line);
    }
  }
}

function demote(line: ExplanationLine): void {
  line.points = 0;
  line.rule = SAME_INDICATOR_ONCE;
}
