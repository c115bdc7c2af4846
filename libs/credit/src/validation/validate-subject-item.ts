import { IsoDate } from '../calendar';
import { validateCreditCode, validateResidentId } from '../identifiers';
import { Profession, SubjectType } from '../model';
import {
  assertToday,
  checkEnum,
  checkPastDate,
  checkRegionCode,
  checkPublicText,
  InputRecord,
  isAbsent,
  isPlainRecord,
  missing,
} from './field-checks';
import { issue, ValidationIssue } from './validation-issue';

const SUBJECT_TYPES: readonly string[] = Object.values(SubjectType);
const PROFESSIONS: readonly string[] = Object.values(Profession);
const NAME_MAX_LENGTH = 200;
const CATEGORY_MAX_LENGTH = 64;

type Check = (item: InputRecord, type: SubjectType, today: IsoDate) => ValidationIssue | null;

const CHECKS: readonly Check[] = [
  (item) => checkPublicText(item, 'name', NAME_MAX_LENGTH, true),
  checkCreditCode,
  checkResidentId,
  checkProfession,
  (item) => checkRegionCode(item, 'regionCode'),
  checkAgreementSignedOn,
  checkCategory,
  checkInstitutionCreditCode,
  checkEmployedFrom,
];

/**
 * Validates one registerSubjects item and returns its first problem, or null. The natural key must fit the
 * type: a credit code for institutions and pharmacies, a resident ID for persons (domain.md section 1).
 * Store the item through normalizeSubjectItem.
 */
export function validateSubjectItem(item: unknown, today: IsoDate): ValidationIssue | null {
  assertToday(today);
  if (!isPlainRecord(item)) return issue('item', 'INVALID_VALUE', 'must be an object');
  const type = item.type;
  if (isAbsent(type)) return missing('type');
  if (typeof type !== 'string' || !SUBJECT_TYPES.includes(type)) {
    return issue('type', 'UNKNOWN_SUBJECT_TYPE', 'is not a known subject type');
  }
  for (const check of CHECKS) {
    const found = check(item, type as SubjectType, today);
    if (found) return found;
  }
  return null;
}

function isOrganisation(type: SubjectType): boolean {
  return type === SubjectType.MEDICAL_INSTITUTION || type === SubjectType.PHARMACY;
}

function checkCreditCode(item: InputRecord, type: SubjectType): ValidationIssue | null {
  if (!isOrganisation(type)) return forbidden(item, 'creditCode', type, 'SUBJECT_TYPE_MISMATCH');
  return checkCreditCodeValue(item, 'creditCode', true);
}

function checkResidentId(item: InputRecord, type: SubjectType, today: IsoDate): ValidationIssue | null {
  if (isOrganisation(type)) return forbidden(item, 'residentId', type, 'SUBJECT_TYPE_MISMATCH');
  if (isAbsent(item.residentId)) return missing('residentId');
  const result = validateResidentId(item.residentId as string, today);
  return result.ok ? null : issue('residentId', 'INVALID_RESIDENT_ID', `is not a valid resident ID (${result.detail})`);
}

function checkProfession(item: InputRecord, type: SubjectType): ValidationIssue | null {
  if (type !== SubjectType.PRACTITIONER) return forbidden(item, 'profession', type, 'INVALID_VALUE');
  return checkEnum(item, 'profession', PROFESSIONS, true);
}

// The date the designated-service agreement was signed: it decides NOT_RATED for new institutions.
function checkAgreementSignedOn(item: InputRecord, type: SubjectType, today: IsoDate): ValidationIssue | null {
  if (!isOrganisation(type)) return forbidden(item, 'agreementSignedOn', type, 'INVALID_VALUE');
  return checkPastDate(item, 'agreementSignedOn', today, false);
}

// The organisation's category (e.g. 三级甲等综合医院, 连锁药店): shown in disclosures, so public text.
function checkCategory(item: InputRecord, type: SubjectType): ValidationIssue | null {
  if (!isOrganisation(type)) return forbidden(item, 'category', type, 'INVALID_VALUE');
  return checkPublicText(item, 'category', CATEGORY_MAX_LENGTH, false);
}

// The practitioner's employer; organisations and insured persons have none.
function checkInstitutionCreditCode(item: InputRecord, type: SubjectType): ValidationIssue | null {
  if (type !== SubjectType.PRACTITIONER) return forbidden(item, 'institutionCreditCode', type, 'INVALID_VALUE');
  return checkCreditCodeValue(item, 'institutionCreditCode', false);
}

// When the employment at institutionCreditCode began (default: the day of registration).
function checkEmployedFrom(item: InputRecord, type: SubjectType, today: IsoDate): ValidationIssue | null {
  if (type !== SubjectType.PRACTITIONER) return forbidden(item, 'employedFrom', type, 'INVALID_VALUE');
  if (!isAbsent(item.employedFrom) && isAbsent(item.institutionCreditCode)) {
    return issue('employedFrom', 'INVALID_VALUE', 'needs institutionCreditCode');
  }
  return checkPastDate(item, 'employedFrom', today, false);
}

function checkCreditCodeValue(item: InputRecord, field: string, required: boolean): ValidationIssue | null {
  if (isAbsent(item[field])) return required ? missing(field) : null;
  const result = validateCreditCode(item[field] as string);
  return result.ok ? null : issue(field, 'INVALID_CREDIT_CODE', `is not a valid unified social credit code (${result.detail})`);
}

function forbidden(
  item: InputRecord,
  field: string,
  type: SubjectType,
  reason: 'SUBJECT_TYPE_MISMATCH' | 'INVALID_VALUE',
): ValidationIssue | null {
  return isAbsent(item[field]) ? null : issue(field, reason, `is not allowed for ${type}`);
}
