import { ListKind, ListSeverity } from './list-kind';

/** One reason a subject belongs on a list on `asOf`, as the rules see it (the service adds lifecycle and identity). */
export interface ListMembership {
  list: ListKind;
  reasonCode: string;
  eventId: string | null;
  effectiveFrom: string;
  plannedEnd: string | null;
  severity: ListSeverity;
}
