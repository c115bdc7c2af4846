import { CreditEvent } from '../model';
import { ListRules } from '../rules';
import { countingEvents } from '../scoring/counting-events';
import { addMonths } from '../scoring/dates';
import { ListSeverity } from './list-kind';
import { ListMembership } from './list-membership';

/** A credit-repair 信用修复 application, with the facts the regulator has verified. */
export interface RepairApplication {
  appliedOn: string;
  penaltyPerformed: boolean;
  moneyReturned: boolean;
  publicCommitment: boolean;
}

export interface RepairConditions {
  minimumPeriodPassed: boolean;
  penaltyPerformed: boolean;
  moneyReturned: boolean;
  publicCommitment: boolean;
  noNewViolation: boolean;
  allHold: boolean;
  /** earliest date the minimum period is passed */
  eligibleFrom: string;
}

/**
 * Credit repair (信用修复) of one entry: which conditions hold on `asOf` (domain.md §5: after at least 1 year for
 * severe, 3 months for general; penalty performed, money returned, public credit commitment, no new violation for
 * 6 months).
 * - The minimum period is judged on the application date: an application made before `eligibleFrom`
 *   (effectiveFrom + repairMinimumMonths, the anniversary for a year) is premature and refused, whenever it is
 *   decided; the subject applies again.
 * - No new violation: no counting event of `repair.violationEventTypes` decided after the entry's effectiveFrom
 *   (the entry's own decision is not new) and within the `noNewViolationMonths` up to `asOf`: an event decided on
 *   D is "new" while asOf < D + 6 months. Counting events only: a revoked finding is no violation.
 * - The other three are facts of the application, verified by the regulator.
 */
export function repairConditions(input: {
  entry: Pick<ListMembership, 'effectiveFrom' | 'severity'>;
  application: RepairApplication;
  events: readonly CreditEvent[];
  asOf: string;
  rules: ListRules;
}): RepairConditions {
  const { entry, application, asOf, rules } = input;
  const months =
    entry.severity === ListSeverity.SEVERE ? rules.severeDishonesty.repairMinimumMonths : rules.general.repairMinimumMonths;
  const eligibleFrom = addMonths(entry.effectiveFrom, months);
  const minimumPeriodPassed = application.appliedOn >= eligibleFrom;
  const noNewViolation = !countingEvents(input.events, asOf).some(
    (e) =>
      rules.repair.violationEventTypes.includes(e.type) &&
      e.decidedOn > entry.effectiveFrom &&
      asOf < addMonths(e.decidedOn, rules.repair.noNewViolationMonths),
  );
  const { penaltyPerformed, moneyReturned, publicCommitment } = application;
  return {
    minimumPeriodPassed,
    penaltyPerformed,
    moneyReturned,
    publicCommitment,
    noNewViolation,
    allHold: minimumPeriodPassed && penaltyPerformed && moneyReturned && publicCommitment && noNewViolation,
    eligibleFrom,
  };
}
