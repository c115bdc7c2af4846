import { EventStatus, EventType, ExportEvent } from '@app/credit';

/** The events columns a published decision is built from (raw rows: BIGINT and DECIMAL arrive as strings). */
export interface ExportEventRow {
  type: EventType;
  status: EventStatus;
  decision_no: string | null;
  legal_basis: string | null;
  authority: string | null;
  decided_on: string;
  fine_fen: string | null;
  fine_multiple: string | null;
  amount_involved_fen: string | null;
  suspension_days: number | null;
}

/** A raw events row as the export rules of libs/credit read it; shared by the export and the disclosures. */
export function exportEventFromRow(e: ExportEventRow): ExportEvent {
  return {
    type: e.type,
    status: e.status,
    decisionNo: e.decision_no,
    legalBasis: e.legal_basis,
    authority: e.authority,
    decidedOn: e.decided_on,
    fineFen: e.fine_fen === null ? null : String(e.fine_fen),
    fineMultiple: e.fine_multiple === null ? null : String(e.fine_multiple),
    amountInvolvedFen: e.amount_involved_fen === null ? null : String(e.amount_involved_fen),
    suspensionDays: e.suspension_days === null ? null : Number(e.suspension_days),
  };
}
