/** One item's problem, when a batch is loaded item by item (the CSV import) instead of all-or-nothing. */
export interface RejectedItem {
  index: number;
  field: string;
  reason: string;
  message: string;
}

export interface RecordedItem {
  index: number;
  id: string;
  sourceRef: string;
  duplicate: boolean;
}

export interface RecordedBatch {
  created: number;
  duplicates: number;
  /** Accepted items, in input order; a duplicate points at the event stored earlier. */
  events: RecordedItem[];
  rejected: RejectedItem[];
}

/**
 * `all-or-nothing` (the API): the first bad item rejects the call and nothing is stored.
 * `skip-rejected` (the CSV import): bad items are reported and the others stored.
 */
export type BatchMode = 'all-or-nothing' | 'skip-rejected';
