import { ListEntry } from '../entries/list-entry.entity';
import { toFeedEntry } from '../feeds/feed-entry';
import { ListEntryNode } from './list-nodes';

/** An entry as a regulator's node: the feed's view plus its lifecycle. */
export function entryView(e: ListEntry): ListEntryNode & { rowId: string } {
  return {
    ...toFeedEntry(e),
    rowId: e.id,
    subjectId: e.subjectId,
    severity: e.severity,
    lifecycleStatus: e.status,
    eventId: e.eventId,
    notifiedOn: e.notifiedOn,
    objectionDeadline: e.objectionDeadline,
    confirmedAt: e.confirmedAt,
    removedAt: e.removedAt,
    removalReason: e.removalReason,
  };
}
