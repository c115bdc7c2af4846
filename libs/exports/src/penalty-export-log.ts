import { AuditService } from '@app/audit';
import { PenaltyExportRecord } from '@app/credit';
import { insertAtNextPositions, STREAMS } from '@app/database';
import { EntityManager } from 'typeorm';
import { PenaltyExportOp } from './penalty-export-change.entity';

export interface PendingPenaltyChange {
  op: PenaltyExportOp;
  recordId: string;
  withdrawalReason: string | null;
  record: PenaltyExportRecord;
}

/**
 * Appends export changes inside the caller's transaction, as its last writes (like appendListChanges): one
 * audit row for the batch (record ids and operations only: no personal data in the audit diff), then gap-free
 * positions of STREAMS.penalties and the change rows, each carrying the audit head it was made at.
 */
export async function appendPenaltyChanges(
  em: EntityManager,
  audit: AuditService,
  changes: readonly PendingPenaltyChange[],
  context: { actor: string; action: string; now: Date },
): Promise<void> {
  if (changes.length === 0) return;
  const [row] = await audit.append(em, [
    {
      actor: context.actor,
      action: context.action,
      targetType: 'penalty_export',
      targetId: changes.length === 1 ? changes[0].recordId : `batch:${changes.length}`,
      diff: { changes: changes.map((c) => ({ op: c.op, recordId: c.recordId, withdrawalReason: c.withdrawalReason })) },
    },
  ]);
  await insertAtNextPositions(
    em,
    STREAMS.penalties,
    'penalty_export_changes',
    ['op', 'record_id', 'withdrawal_reason', 'record', 'audit_seq', 'audit_hash', 'created_at'],
    changes.map((c) => [c.op, c.recordId, c.withdrawalReason, JSON.stringify(c.record), row.seq, row.hash, context.now]),
  );
}
