import { ListKind, SubjectType } from '@app/credit';
import { ListEntry, ListEntryStatus } from '../entries/list-entry.entity';

/**
 * An entry as the development-reform commission sees it (domain.md §5 feed contract): the line of a snapshot
 * and the `entry` of a change. Only what the contract names plus the subject's type and, for organisations,
 * name; a person appears by keyed hash and masked ID only. Serialised with RFC 8785 (canonicalize).
 */
export interface FeedEntry {
  entryId: string;
  list: ListKind;
  subjectType: SubjectType;
  subjectKey: string;
  maskedId: string | null;
  subjectName: string | null;
  reasonCode: string;
  legalBasis: string | null;
  decisionNo: string | null;
  authority: string | null;
  effectiveFrom: string;
  plannedEnd: string | null;
  /** ACTIVE while on the list, REMOVED once off it. */
  status: 'ACTIVE' | 'REMOVED';
}

/** Raw row (snake_case columns) or entity: the few fields the feed shows. */
export function toFeedEntry(e: Pick<ListEntry, 'entryId' | 'list' | 'subjectType' | 'subjectKey' | 'maskedId' | 'subjectName' | 'reasonCode' | 'legalBasis' | 'decisionNo' | 'authority' | 'effectiveFrom' | 'plannedEnd' | 'status'>): FeedEntry {
  return {
    entryId: e.entryId!,
    list: e.list,
    subjectType: e.subjectType,
    subjectKey: e.subjectKey,
    maskedId: e.maskedId,
    subjectName: e.subjectName,
    reasonCode: e.reasonCode,
    legalBasis: e.legalBasis,
    decisionNo: e.decisionNo,
    authority: e.authority,
    effectiveFrom: e.effectiveFrom,
    plannedEnd: e.plannedEnd,
    status: e.status === ListEntryStatus.ACTIVE ? 'ACTIVE' : 'REMOVED',
  };
}

/** Snake-case columns of list_entries that toFeedEntry needs, for raw keyset reads. */
export const FEED_COLUMNS =
  'entry_id AS entryId, list, subject_type AS subjectType, subject_key AS subjectKey, masked_id AS maskedId, subject_name AS subjectName, ' +
  'reason_code AS reasonCode, legal_basis AS legalBasis, decision_no AS decisionNo, authority, effective_from AS effectiveFrom, ' +
  'planned_end AS plannedEnd, status';

/** The change-stream name of a list (one stream_heads row each). */
export function listStream(list: ListKind): string {
  return `list:${list}`;
}

const PREFIX: Record<ListKind, string> = {
  [ListKind.SEVERE_DISHONESTY]: 'SD',
  [ListKind.GOOD_CONDUCT]: 'GC',
  [ListKind.KEY_SUPERVISION]: 'KS',
};

/** Immutable, fixed width: text order equals numeric order, as a snapshot's entryId order must be. */
export function entryIdOf(list: ListKind, rowId: string): string {
  return `${PREFIX[list]}${rowId.padStart(12, '0')}`;
}
