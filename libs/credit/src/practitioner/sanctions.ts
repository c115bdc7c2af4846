import { CreditEvent } from '../model';
import { PractitionerRuleSet, SuspensionStep } from '../rules';
import { lastDayOfMonths } from '../scoring/dates';

/**
 * Suspension and re-registration bar of one practitioner (domain.md §4). They are counted from the decision date
 * that crossed the threshold and outlast the yearly reset of points. All "until" dates are inclusive last days.
 */
export class Sanctions {
  suspendedFrom: string | null = null;
  suspendedUntil: string | null = null;
  suspendedBy: string | null = null;
  barredFrom: string | null = null;
  barredUntil: string | null = null;
  barredBy: string | null = null;

  constructor(private readonly rules: PractitionerRuleSet) {}

  isBarredOn(date: string): boolean {
    return this.barredUntil !== null && date <= this.barredUntil;
  }

  isSuspendedOn(date: string): boolean {
    return this.suspendedFrom !== null && this.suspendedFrom <= date && date <= (this.suspendedUntil as string);
  }

  /**
   * Consequences of `e` taking the year's total from `before` to `after` with `points` of its own, when the
   * year had peaked at `peakBefore`:
   * - `after` ≥ 12: TERMINATED, barred 1 year from the crossing decision, or 3 years from an event that carried
   *   12 points on its own (that one also extends a bar already running);
   * - otherwise, unless barred: the longer of the cumulative suspension for the highest threshold first reached
   *   (9 / 10 / 11 → 1 / 2 / 3 months) and the single-event one (9 / 10 / 11 points → 3 / 4 / 6 months).
   */
  afterPoints(e: CreditEvent, before: number, after: number, points: number, peakBefore: number): void {
    const t = this.rules.termination;
    if (after >= t.minPoints) {
      if (points >= t.singleEventMinPoints) this.bar(e, t.singleEventBarMonths);
      else if (before < t.minPoints) this.bar(e, t.barMonths);
      return;
    }
    if (this.isBarredOn(e.decidedOn)) return; // a suspension adds nothing to a bar
    const months = Math.max(
      firstReachedStep(this.rules.cumulativeSuspensions, peakBefore, after),
      highestStep(this.rules.singleEventSuspensions, points),
    );
    if (months > 0) this.suspend(e, months);
  }

  private bar(e: CreditEvent, months: number): void {
    const until = lastDayOfMonths(e.decidedOn, months);
    if (this.barredUntil !== null && until <= this.barredUntil) return;
    this.barredFrom = e.decidedOn;
    this.barredUntil = until;
    this.barredBy = e.id;
  }

  /** "The longer applies": a running suspension is extended to the later end, never shortened. */
  private suspend(e: CreditEvent, months: number): void {
    const until = lastDayOfMonths(e.decidedOn, months);
    if (this.isSuspendedOn(e.decidedOn)) {
      if (until <= (this.suspendedUntil as string)) return;
    } else {
      this.suspendedFrom = e.decidedOn;
    }
    this.suspendedUntil = until;
    this.suspendedBy = e.id;
  }
}

/** Months of the highest step with `peakBefore` < minPoints ≤ `after` (0 when none is first reached). */
function firstReachedStep(steps: readonly SuspensionStep[], peakBefore: number, after: number): number {
  let months = 0;
  for (const s of steps) if (peakBefore < s.minPoints && s.minPoints <= after) months = s.months;
  return months;
}

/** Months of the highest step with minPoints ≤ `points`. */
function highestStep(steps: readonly SuspensionStep[], points: number): number {
  let months = 0;
  for (const s of steps) if (s.minPoints <= points) months = s.months;
  return months;
}
