import { EventType } from '../model';

/**
 * One natural year of the 12-point cycle (Asia/Shanghai; points reset on 1 January, domain.md §4). A new
 * cycle is started for every year; bars and suspensions live outside it, in `Sanctions`, because they outlast it.
 */
export class PointsCycle {
  /** Points now, after repairs. */
  total = 0;
  /** Highest total reached this year: a threshold triggers its consequence once, when first reached. */
  peak = 0;
  /** Points taken off by repair this year (capped by the rule set). */
  repaired = 0;
  private readonly typesSeen = new Set<EventType>();

  constructor(readonly year: number) {}

  add(points: number): void {
    this.total += points;
    if (this.total > this.peak) this.peak = this.total;
  }

  /** Whether an earlier counted event of this type was seen this year; records this one. */
  seenBefore(type: EventType): boolean {
    if (this.typesSeen.has(type)) return true;
    this.typesSeen.add(type);
    return false;
  }
}
