export { ListKind, ListSeverity } from './list-kind';
export type { ListMembership } from './list-membership';
export { listMemberships } from './list-memberships';
export type { ListMembershipsInput } from './list-memberships';
export {
  severeDishonestyMemberships,
  AGREEMENT_TERMINATED_FRAUD,
  PRACTITIONER_TERMINATED_12_POINTS,
} from './severe-dishonesty-memberships';
export { goodConductMembership, GRADE_A_TWO_YEARS } from './good-conduct-membership';
export { keySupervisionMembership, PRACTITIONER_POINTS } from './key-supervision-membership';
export { plannedPublicationEnd } from './planned-publication-end';
export { objectionDeadline, repairDecisionDeadline } from './deadlines';
export { repairConditions } from './repair-conditions';
export type { RepairApplication, RepairConditions } from './repair-conditions';
