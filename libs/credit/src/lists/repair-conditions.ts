// TEMPORARY stand-in until the list rules land (helper branch); replaced by the real implementation at merge.
import { CreditEvent } from '../model';
import { ListMembership } from './list-membership';
import { ListRules } from './list-rules';
export interface RepairApplication { appliedOn: string; penaltyPerformed: boolean; moneyReturned: boolean; publicCommitment: boolean }
export interface RepairConditions { minimumPeriodPassed: boolean; penaltyPerformed: boolean; moneyReturned: boolean; publicCommitment: boolean; noNewViolation: boolean; allHold: boolean; eligibleFrom: string }
export function repairConditions(_input: { entry: Pick<ListMembership, 'effectiveFrom' | 'severity'>; application: RepairApplication; events: readonly CreditEvent[]; asOf: string; rules: ListRules }): RepairConditions {
  throw new Error('list rules not merged yet');
}
