import type { NormalizedEventItem } from '@app/credit';
import type { EventContent } from './event-content';

/** The fields a submission, an amendment and a stored version share, in one list. */
export const EVENT_CONTENT_FIELDS = [
  'type',
  'status',
  'legalBasis',
  'decisionNo',
  'authority',
  'regionCode',
  'occurredOn',
  'decidedOn',
  'amountInvolvedFen',
  'fineFen',
  'fineMultiple',
  'suspensionDays',
  'responsibility',
  'selfReported',
  'inspectionKind',
  'assessmentResult',
] as const satisfies readonly (keyof NormalizedEventItem & keyof EventContent)[];

export type EventContentField = (typeof EVENT_CONTENT_FIELDS)[number];
export type EventContentValues = Pick<NormalizedEventItem, EventContentField>;

export function contentOf(source: EventContentValues): EventContentValues {
  const out = {} as Record<EventContentField, unknown>;
  for (const field of EVENT_CONTENT_FIELDS) out[field] = source[field];
  return out as EventContentValues;
}

/** The fields whose values differ, for audit diffs and to skip amendments that change nothing. */
export function changedFields(before: EventContentValues, after: EventContentValues): EventContentField[] {
  return EVENT_CONTENT_FIELDS.filter((f) => before[f] !== after[f]);
}
