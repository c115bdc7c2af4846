import { EventType, Grade } from '../model';

/**
 * The numbers of the lists (名单, domain.md §5) as data, carried by every subject type's rule set so that a region
 * changes a period without a deploy. Every subject type carries the same shape; a section a subject type has no
 * use for is kept (and validated) but not read: GOOD_CONDUCT is for institutions and pharmacies only (§2 "A … may
 * enter the good-conduct list"), and practitioners reach KEY_SUPERVISION by points (their rule set's
 * `status.keySupervisionFrom`), not by grade.
 */
export interface ListRules {
  readonly severeDishonesty: {
    /**
     * Event types that enter SEVERE_DISHONESTY on their own (PENALTY_ART40, POLICE_REFERRAL_CONFIRMED,
     * INSURED_FRAUD, PENALTY_NOT_PERFORMED).
     */
    readonly entryEventTypes: readonly EventType[];
    /**
     * AGREEMENT_TERMINATED enters only "for fraud" (§5), and no event field says why an agreement was terminated.
     * It is taken as for fraud when the subject has a counting event of `fraudEventTypes` with the same decision
     * number, or one decided within `withinDays` days before the termination (same day included).
     */
    readonly terminationForFraud: { readonly fraudEventTypes: readonly EventType[]; readonly withinDays: number };
    /** Publication period from the decision date (36: severe 1–3 years, 发改委令第36号); automatic exit after it. */
    readonly publicationMonths: number;
    /** Credit repair may be applied for after this many months (12). */
    readonly repairMinimumMonths: number;
    /** The subject may object for this many working days after being notified (10, [D on 条例 Art.31]). */
    readonly objectionWorkingDays: number;
  };
  readonly goodConduct: {
    /** Grade A at the ends of this many consecutive completed natural years (2). */
    readonly consecutiveYears: number;
    /** …and no penalty of `penaltyEventTypes` decided in this many months (24). */
    readonly noPenaltyMonths: number;
    readonly penaltyEventTypes: readonly EventType[];
  };
  /** Grades that put an institution, pharmacy or insured person on KEY_SUPERVISION (D, E). */
  readonly keySupervision: { readonly grades: readonly Grade[] };
  /** General (not severe) information: published 3 months–1 year (12), repairable after 3 months (发改委令第36号). */
  readonly general: { readonly publicationMonths: number; readonly repairMinimumMonths: number };
  readonly repair: {
    /** A repair application is decided within this many working days (15, 发改委令第36号). */
    readonly decisionWorkingDays: number;
    /** No new violation for this many months before the repair (6). */
    readonly noNewViolationMonths: number;
    /** What counts as a violation for that condition: findings and sanctions, not recognitions or assessments. */
    readonly violationEventTypes: readonly EventType[];
  };
}
