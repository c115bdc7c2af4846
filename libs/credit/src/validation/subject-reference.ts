import { IsoDate } from '../calendar';
import { validateCreditCode, validateResidentId } from '../identifiers';
import { EventType, SubjectType } from '../model';
import { isEventTypeAllowed } from './event-subject-types';
import { checkText, InputRecord, isAbsent } from './field-checks';
import { issue, ValidationIssue } from './validation-issue';

const REFERENCE_FIELDS = ['subjectId', 'creditCode', 'residentId'] as const;
const ORGANISATIONS: readonly SubjectType[] = [SubjectType.MEDICAL_INSTITUTION, SubjectType.PHARMACY];
const PERSONS: readonly SubjectType[] = [SubjectType.PRACTITIONER, SubjectType.INSURED_PERSON];
const ALL_TYPES: readonly SubjectType[] = Object.values(SubjectType);

export type SubjectReferenceResult =
  | { issue: ValidationIssue }
  | { issue: null; /** the subject types the event could be recorded on */ candidates: readonly SubjectType[] };

/**
 * Exactly one of subjectId, creditCode (organisations) or residentId (persons) names the subject. The key,
 * the context's subject type and the event type must agree; what they leave open is returned as candidates.
 */
export function checkSubjectReference(
  item: InputRecord,
  type: EventType,
  today: IsoDate,
  subjectType: SubjectType | undefined,
): SubjectReferenceResult {
  const given = REFERENCE_FIELDS.filter((field) => !isAbsent(item[field]));
  if (given.length === 0) {
    return { issue: issue('subjectId', 'MISSING_FIELD', 'one of subjectId, creditCode or residentId is required') };
  }
  if (given.length > 1) {
    return { issue: issue(given[1], 'INVALID_VALUE', 'give exactly one of subjectId, creditCode or residentId') };
  }
  const field = given[0];
  const keyIssue = checkKey(item, field, today);
  if (keyIssue) return { issue: keyIssue };
  const keyTypes = field === 'creditCode' ? ORGANISATIONS : field === 'residentId' ? PERSONS : ALL_TYPES;
  if (subjectType && !keyTypes.includes(subjectType)) {
    return { issue: issue(field, 'SUBJECT_TYPE_MISMATCH', `does not identify a ${subjectType}`) };
  }
  const candidates = (subjectType ? [subjectType] : keyTypes).filter((t) => isEventTypeAllowed(t, type));
  if (candidates.length === 0) {
    const on = subjectType ?? (field === 'creditCode' ? 'institution or pharmacy' : 'person');
    return { issue: issue('type', 'SUBJECT_TYPE_MISMATCH', `${type} cannot be recorded on a ${on}`) };
  }
  return { issue: null, candidates };
}

function checkKey(item: InputRecord, field: (typeof REFERENCE_FIELDS)[number], today: IsoDate): ValidationIssue | null {
  const value = item[field];
  if (field === 'subjectId') return checkText(item, field, 64, true);
  if (field === 'creditCode') {
    const result = validateCreditCode(value as string);
    return result.ok ? null : issue(field, 'INVALID_CREDIT_CODE', `is not a valid unified social credit code (${result.detail})`);
  }
  const result = validateResidentId(value as string, today);
  return result.ok ? null : issue(field, 'INVALID_RESIDENT_ID', `is not a valid resident ID (${result.detail})`);
}
