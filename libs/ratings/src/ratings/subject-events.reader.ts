import { CreditEvent, EventStatus, EventType } from '@app/credit';
import { EntityManager } from 'typeorm';

interface EventRow {
  id: string | number;
  type: string;
  status: string;
  decision_no: string | null;
  occurred_on: string;
  decided_on: string;
  amount_involved_fen: string | number | null;
  fine_fen: string | number | null;
  fine_multiple: string | number | null;
  suspension_days: number | null;
  responsibility: string | null;
  self_reported: number | boolean;
  inspection_kind: string | null;
  assessment_result: string | null;
}

/**
 * Every event of many subjects in one query, grouped by subject id. Raw rows, not hydrated entities: rating
 * reads every event of a subject, and the full rescore reads millions.
 */
export async function readCreditEventsOf(em: EntityManager, subjectIds: readonly string[]): Promise<Map<string, CreditEvent[]>> {
  const out = new Map<string, CreditEvent[]>();
  if (subjectIds.length === 0) return out;
  const rows: (EventRow & { subject_id: string | number })[] = await em.query(
    `SELECT subject_id, id, type, status, decision_no, occurred_on, decided_on, amount_involved_fen, fine_fen, fine_multiple,
            suspension_days, responsibility, self_reported, inspection_kind, assessment_result
       FROM events WHERE subject_id IN (?)`,
    [subjectIds],
  );
  for (const r of rows) {
    const key = String(r.subject_id);
    const list = out.get(key);
    if (list) list.push(toCreditEvent(r));
    else out.set(key, [toCreditEvent(r)]);
  }
  return out;
}

export function toCreditEvent(r: EventRow): CreditEvent {
  return {
    id: String(r.id),
    type: r.type as EventType,
    status: r.status as EventStatus,
    decisionNo: r.decision_no,
    occurredOn: r.occurred_on,
    decidedOn: r.decided_on,
    amountInvolvedFen: r.amount_involved_fen === null ? null : Number(r.amount_involved_fen),
    fineFen: r.fine_fen === null ? null : Number(r.fine_fen),
    fineMultiple: r.fine_multiple === null ? null : Number(r.fine_multiple),
    suspensionDays: r.suspension_days,
    responsibility: r.responsibility as CreditEvent['responsibility'],
    selfReported: Boolean(r.self_reported),
    inspectionKind: r.inspection_kind as CreditEvent['inspectionKind'],
    assessmentResult: r.assessment_result as CreditEvent['assessmentResult'],
  };
}
