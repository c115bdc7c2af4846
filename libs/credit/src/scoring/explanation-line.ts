/**
 * One event's contribution to a rating (consumers.md, budget module: "which events contributed how many points,
 * and until when"). Only events that count on the as-of date appear, in decision order.
 *
 * `rule` reads `<EVENT_TYPE>[:<VARIANT>][+<MODIFIER>…]`, e.g. `PENALTY_ART38:MULTIPLE>=1.5+FLIGHT+REPEAT`,
 * or `SAME_INDICATOR_ONCE` for an event that counted 0 because another hit of the same case counted.
 */
export interface ExplanationLine {
  eventId: string;
  points: number;
  /** The last day (inclusive) the event counts; `null` while open-ended (an investigation hold). */
  countsUntil: string | null;
  rule: string;
}

export const SAME_INDICATOR_ONCE = 'SAME_INDICATOR_ONCE';
