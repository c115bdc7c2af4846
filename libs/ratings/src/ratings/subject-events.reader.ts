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

const CONTENT = `type, status, decision_no, occurred_on, decided_on, amount_involved_fen, fine_fen, fine_multiple,
  suspension_days, responsibility, self_reported, inspection_kind, assessment_result`;

/**
 * Every event of many subjects in one query, grouped by subject id. Raw rows, not hydrated entities: rating
 * reads every event of a subject, and the full rescore reads millions.
 */
export async function readCreditEventsOf(em: EntityManager, subjectIds: readonly string[]): Promise<Map<string, CreditEvent[]>> {
  if (subjectIds.length === 0) return new Map();
  const rows: (EventRow & { subject_id: string | number })[] = await em.query(
    `SELECT subject_id, id, ${CONTENT} FROM events WHERE subject_id IN (?)`,
    [subjectIds],
  );
  return groupBySubject(rows);
}

/**
 * Every event of the subjects named by `keys` (ids, or credit codes through the subjects table), grouped by
 * subject id: the same rows as readCreditEventsOf, in a query that needs no subject ids first, so a reader can
 * send it beside its subjects' query instead of after it.
 */
export async function readCreditEventsByKeys(em: EntityManager, keys: readonly string[], byCode: boolean): Promise<Map<string, CreditEvent[]>> {
  if (keys.length === 0) return new Map();
  if (!byCode) return readCreditEventsOf(em, keys);
  const rows: (EventRow & { subject_id: string | number })[] = await em.query(
    `SELECT e.subject_id, e.id, ${CONTENT.replace(/(\w+)/g, 'e.$1')} FROM subjects s JOIN events e ON e.subject_id = s.id WHERE s.credit_code IN (?)`,
    [keys],
  );
  return groupBySubject(rows);
}

/**
 * The events of many subjects as the service knew them at `knownAt`: of each event recorded by then, the version
 * in force at that moment (a version holds from its `recorded_at` until its `superseded_at`). One query.
 */
export async function readCreditEventsKnownAt(em: EntityManager, subjectIds: readonly string[], knownAt: Date): Promise<Map<string, CreditEvent[]>> {
  if (subjectIds.length === 0) return new Map();
  const rows: (EventRow & { subject_id: string | number })[] = await em.query(
    `SELECT subject_id, id, ${CONTENT} FROM events WHERE subject_id IN (?) AND recorded_at <= ?
     UNION ALL
     SELECT e.subject_id, h.event_id AS id, ${CONTENT.replace(/(\w+)/g, 'h.$1')}
       FROM event_history h JOIN events e ON e.id = h.event_id
      WHERE e.subject_id IN (?) AND h.recorded_at <= ? AND h.superseded_at > ?`,
    [subjectIds, knownAt, subjectIds, knownAt, knownAt],
  );
  return groupBySubject(rows);
}

function groupBySubject(rows: (EventRow & { subject_id: string | number })[]): Map<string, CreditEvent[]> {
  const out = new Map<string, CreditEvent[]>();
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
