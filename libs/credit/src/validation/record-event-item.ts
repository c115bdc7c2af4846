import { AssessmentResult, EventStatus, EventType, InspectionKind, Responsibility } from '../model';

/**
 * One item of recordEvents or one row of an events CSV, as intended (api-contract.md). At runtime the values
 * may be anything — validateEventItem takes `unknown` and checks every type before trusting this shape.
 */
export interface RecordEventItem {
  sourceSystem: string;
  sourceRef: string;
  subjectId?: string | null;
  creditCode?: string | null;
  residentId?: string | null;
  type: EventType | string;
  status?: EventStatus | string | null;
  legalBasis?: string | null;
  decisionNo?: string | null;
  authority?: string | null;
  regionCode?: string | null;
  occurredOn: string;
  decidedOn: string;
  amountInvolvedFen?: number | null;
  fineFen?: number | null;
  fineMultiple?: number | null;
  suspensionDays?: number | null;
  responsibility?: Responsibility | string | null;
  selfReported?: boolean | null;
  inspectionKind?: InspectionKind | string | null;
  assessmentResult?: AssessmentResult | string | null;
}

/** A validated item in the form to store: trimmed text, nulls for absent values, defaults applied. */
export interface NormalizedEventItem {
  sourceSystem: string;
  sourceRef: string;
  subjectId: string | null;
  creditCode: string | null;
  /** Upper-case X: the form to encrypt and hash, so one person never gets two keys. */
  residentId: string | null;
  type: EventType;
  status: EventStatus;
  legalBasis: string | null;
  decisionNo: string | null;
  authority: string | null;
  regionCode: string | null;
  occurredOn: string;
  decidedOn: string;
  amountInvolvedFen: number | null;
  fineFen: number | null;
  fineMultiple: number | null;
  suspensionDays: number | null;
  responsibility: Responsibility | null;
  selfReported: boolean;
  inspectionKind: InspectionKind | null;
  assessmentResult: AssessmentResult | null;
}

/**
 * Only for an item that validateEventItem accepted: it does not check again. Storing this form rather than
 * the raw item keeps idempotency keys and decision numbers free of stray whitespace.
 */
export function normalizeEventItem(item: RecordEventItem): NormalizedEventItem {
  return {
    sourceSystem: item.sourceSystem.trim(),
    sourceRef: item.sourceRef.trim(),
    subjectId: text(item.subjectId),
    creditCode: text(item.creditCode),
    residentId: text(item.residentId)?.toUpperCase() ?? null,
    type: item.type as EventType,
    status: (text(item.status) ?? EventStatus.FINAL) as EventStatus,
    legalBasis: text(item.legalBasis),
    decisionNo: text(item.decisionNo),
    authority: text(item.authority),
    regionCode: text(item.regionCode),
    occurredOn: item.occurredOn,
    decidedOn: item.decidedOn,
    amountInvolvedFen: num(item.amountInvolvedFen),
    fineFen: num(item.fineFen),
    fineMultiple: num(item.fineMultiple),
    suspensionDays: num(item.suspensionDays),
    responsibility: text(item.responsibility) as Responsibility | null,
    selfReported: item.selfReported === true,
    inspectionKind: text(item.inspectionKind) as InspectionKind | null,
    assessmentResult: text(item.assessmentResult) as AssessmentResult | null,
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

// `+ 0` turns -0 into 0, which JSON and the database would otherwise treat inconsistently.
function num(value: number | null | undefined): number | null {
  return typeof value === 'number' ? value + 0 : null;
}
