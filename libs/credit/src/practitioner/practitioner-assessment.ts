import { CreditEvent, PractitionerStatus, SubjectType } from '../model';
import { PractitionerRuleSet } from '../rules';
import { ExplanationLine } from '../scoring/explanation-line';

export interface PractitionerAssessmentInput {
  ruleSet: PractitionerRuleSet;
  /** All versions the store holds for the person, from every region and institution; need not be sorted. */
  events: readonly CreditEvent[];
  asOf: string;
  /**
   * The natural year whose points are reported; defaults to the year of `asOf`. A past year is assessed as it
   * stood on its 31 December; a later year than `asOf`'s has no points yet (status as on `asOf`).
   */
  year?: number;
}

/** One event's points in the year (`countsUntil` is 31 December: points reset on 1 January). */
export interface PractitionerExplanationLine extends ExplanationLine {
  /** The severity tier the event was scored in (after a repeat moved it up); null for a repair. */
  tier: number | null;
}

/** Matches api-contract.md `PractitionerPoints { year total status suspendedFrom suspendedUntil barredUntil }`. */
export interface PractitionerAssessment {
  subjectType: SubjectType.PRACTITIONER;
  ruleSetVersion: number;
  year: number;
  /** Points of `year` after repairs, never below 0. */
  total: number;
  /** National: suspended or terminated anywhere is ineligible everywhere (domain.md §4). */
  status: PractitionerStatus;
  /** The suspension running on the assessment date, or else the last one that began in `year`; inclusive days. */
  suspendedFrom: string | null;
  suspendedUntil: string | null;
  /** Last day (inclusive) of the re-registration bar running on the assessment date or imposed in `year`. */
  barredUntil: string | null;
  /** A bar is running on the assessment date. */
  terminated: boolean;
  /**
   * On the KEY_SUPERVISION list (domain.md §5 "a practitioner at ≥ 6 points"): `total` at or above the rule set's
   * `status.keySupervisionFrom`, the same number that makes the status KEY_SUPERVISION, so a suspension at 9+
   * points keeps the flag; a running bar (TERMINATED) always counts.
   */
  keySupervision: boolean;
  /** The events behind the suspension and the bar (for the notice to the person). */
  suspendedByEventId: string | null;
  barredByEventId: string | null;
  explanation: PractitionerExplanationLine[];
}
