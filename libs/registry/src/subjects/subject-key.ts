import { SubjectType } from '@app/credit';

/** The natural key in one string, for maps: credit code, or the ID's HMAC with type and profession. */
export function subjectKey(s: { type: SubjectType; creditCode: string | null; residentIdHmac: string | null; professionKey: string }): string {
  return s.creditCode !== null ? `C:${s.creditCode}` : `P:${s.residentIdHmac}:${s.type}:${s.professionKey}`;
}

export function isOrganisationType(type: SubjectType): boolean {
  return type === SubjectType.MEDICAL_INSTITUTION || type === SubjectType.PHARMACY;
}
