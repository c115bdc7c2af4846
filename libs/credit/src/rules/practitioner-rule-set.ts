import { EventType, Responsibility, SubjectType } from '../model';
import { RuleSetHeader } from './rule-set-header';
import { ListRules } from './list-rules';

/** One severity tier of the 12-point cycle (domain.md §4, 医保发〔2024〕23号). */
export interface PractitionerTier {
  readonly tier: number;
  /** Low / middle / high end of the tier by responsibility. */
  readonly points: Readonly<Record<Responsibility, number>>;
  /** Event types recorded on a practitioner that fall in this tier by default. */
  readonly eventTypes: readonly EventType[];
}

/** A threshold and the suspension it triggers. */
export interface SuspensionStep {
  readonly minPoints: number;
  readonly months: number;
}

/** Rule set for PRACTITIONER (12-point cycle per natural year, domain.md §4). */
export interface PractitionerRuleSet extends RuleSetHeader<SubjectType.PRACTITIONER> {
  /** Ascending by `tier`. */
  readonly tiers: readonly PractitionerTier[];
  /** An event of a `fromTiers` tier of the same type as an earlier one in the same year moves to `toTier`. */
  readonly repeatInYear: { readonly fromTiers: readonly number[]; readonly toTier: number };
  /** Cumulative points from which the status is REMINDED (3) and KEY_SUPERVISION (6). */
  readonly status: { readonly remindedFrom: number; readonly keySupervisionFrom: number };
  /** Ascending: cumulative 9 / 10 / 11 → 1 / 2 / 3 months. */
  readonly cumulativeSuspensions: readonly SuspensionStep[];
  /** Ascending: a single event of 9 / 10 / 11 points → 3 / 4 / 6 months. */
  readonly singleEventSuspensions: readonly SuspensionStep[];
  readonly termination: {
    /** Cumulative points that terminate (12). */
    readonly minPoints: number;
    /** No re-registration for this many months from the crossing decision (12). */
    readonly barMonths: number;
    /** A single event of at least this many points (12)… */
    readonly singleEventMinPoints: number;
    /** …bars for this many months instead (36). */
    readonly singleEventBarMonths: number;
  };
  /** REPAIR_ACTIVITY: points taken off per verified activity, and at most this many per natural year [L:Tianjin]. */
  readonly repair: { readonly pointsPerActivity: number; readonly maxPointsPerYear: number };
  /** SEVERE_DISHONESTY (a single 12-point event) and its periods (domain.md §5). */
  readonly lists: ListRules;
}
