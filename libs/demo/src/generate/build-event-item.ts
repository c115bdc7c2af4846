import { RecordEventItem } from '@app/credit';
import { DateWindow } from './date-window';
import { EventSpec } from './event-spec';

/**
 * The item, with its fields always in the same order (byte-identical JSON) and absent fields left out.
 * sourceRef and decisionNo are placeholders here, filled once all events are in date order; creating the
 * keys now keeps their position in the object, and so in its JSON.
 */
export function buildEventItem(window: DateWindow, spec: EventSpec): RecordEventItem {
  const { caseFile, details } = spec;
  const item: RecordEventItem = {
    sourceSystem: caseFile.prefecture.sourceSystem,
    sourceRef: '',
    [spec.keyField]: spec.key,
    type: spec.type,
    status: caseFile.status,
    occurredOn: window.iso(caseFile.occurredDay),
    decidedOn: window.iso(caseFile.decidedDay),
  };
  if (spec.legalBasis !== null) item.legalBasis = spec.legalBasis;
  if (caseFile.kind !== null) item.decisionNo = '';
  item.authority = caseFile.prefecture.authority;
  item.regionCode = spec.regionCode;
  if (details.amountInvolvedFen !== undefined) item.amountInvolvedFen = details.amountInvolvedFen;
  if (details.fineFen !== undefined) item.fineFen = details.fineFen;
  if (details.fineMultiple !== undefined) item.fineMultiple = details.fineMultiple;
  if (details.suspensionDays !== undefined) item.suspensionDays = details.suspensionDays;
  if (spec.responsibility !== undefined) item.responsibility = spec.responsibility;
  if (caseFile.selfReported) item.selfReported = true;
  if (caseFile.inspectionKind !== null) item.inspectionKind = caseFile.inspectionKind;
  if (details.assessmentResult !== undefined) item.assessmentResult = details.assessmentResult;
  return item;
}
