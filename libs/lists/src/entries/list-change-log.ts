import { AuditService } from '@app/audit';
import { ListKind } from '@app/credit';
import { insertAtNextPositions } from '@app/database';
import { EntityManager } from 'typeorm';
import { FeedEntry, listStream } from '../feeds/feed-entry';
import { ListChangeOp } from './list-change.entity';

export interface PendingListChange {
  op: ListChangeOp;
  entry: FeedEntry;
  removalReason: string | null;
}

/**
 * Appends list changes inside the caller's transaction, as its last writes: one audit row describing the
 * batch (so the change log and the audit chain agree), then per list (in a fixed order, so two writers never
 * wait on each other's heads crosswise) positions from the list's stream and the change rows, each carrying
 * the audit head it was made at. The stream's head lock is held from here to commit: positions follow commit
 * order without gaps (claimStreamPositions), and nothing slow runs after it.
 */
export async function appendListChanges(
  em: EntityManager,
  audit: AuditService,
  changes: readonly PendingListChange[],
  context: { actor: string; action: string; now: Date },
): Promise<void> {
  if (changes.length === 0) return;
  const [row] = await audit.append(em, [
    {
      actor: context.actor,
      action: context.action,
      targetType: 'list_entry',
      targetId: changes.length === 1 ? changes[0].entry.entryId : `batch:${changes.length}`,
      // Entry ids, lists and operations only: subject keys stay out of the audit diff.
      diff: { changes: changes.map((c) => ({ op: c.op, list: c.entry.list, entryId: c.entry.entryId, removalReason: c.removalReason })) },
    },
  ]);
  const lists = [...new Set(changes.map((c) => c.entry.list))].sort();
  for (const list of lists as ListKind[]) {
    const ofList = changes.filter((c) => c.entry.list === list);
    await insertAtNextPositions(
      em,
      listStream(list),
      'list_changes',
      ['list', 'op', 'entry_id', 'removal_reason', 'entry', 'audit_seq', 'audit_hash', 'created_at'],
      ofList.map((c) => [list, c.op, c.entry.entryId, c.removalReason, JSON.stringify(c.entry), row.seq, row.hash, context.now]),
    );
  }
}
