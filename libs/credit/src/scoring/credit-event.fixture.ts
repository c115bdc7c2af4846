import { CreditEvent, EventStatus, EventType } from '../model';

/**
 * A FINAL event for unit tests, with every optional field empty. The default id `TYPE@date` keeps ordering
 * deterministic; give an explicit id when two events of one type share a date. Test-only: not exported.
 */
export function anEvent(type: EventType, decidedOn: string, overrides: Partial<CreditEvent> = {}): CreditEvent {
  return {
    id: `${type}@${decidedOn}`,
    type,
    status: EventStatus.FINAL,
    decisionNo: null,
    occurredOn: decidedOn,
    decidedOn,
    amountInvolvedFen: null,
    fineFen: null,
    fineMultiple: null,
    suspensionDays: null,
    responsibility: null,
    selfReported: false,
    inspectionKind: null,
    assessmentResult: null,
    ...overrides,
  };
}
