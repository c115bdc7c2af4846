import {
  AssessmentResult,
  EventStatus,
  EventType,
  InspectionKind,
  Responsibility,
} from './enums';

/**
 * An event as the rules see it: already validated and stored. Dates are Asia/Shanghai calendar dates
 * as 'YYYY-MM-DD' strings (they compare correctly as strings); money is integer fen.
 */
export interface CreditEvent {
  id: string;
  type: EventType;
  status: EventStatus;
  decisionNo: string | null;
  occurredOn: string;
  decidedOn: string;
  amountInvolvedFen: number | null;
  fineFen: number | null;
  /** Multiple of the loss, e.g. 1.5 (Art.38: 1–2, Art.40: 2–5). */
  fineMultiple: number | null;
  suspensionDays: number | null;
  responsibility: Responsibility | null;
  selfReported: boolean;
  inspectionKind: InspectionKind | null;
  assessmentResult: AssessmentResult | null;
}
