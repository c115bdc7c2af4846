import { Profession, SubjectType } from '../model';

/** One registerSubjects item as intended (api-contract.md); validateSubjectItem checks it from `unknown`. */
export interface RegisterSubjectItem {
  type: SubjectType | string;
  name: string;
  creditCode?: string | null;
  residentId?: string | null;
  regionCode?: string | null;
  profession?: Profession | string | null;
  institutionCreditCode?: string | null;
  agreementSignedOn?: string | null;
  category?: string | null;
  employedFrom?: string | null;
}

export interface NormalizedSubjectItem {
  type: SubjectType;
  name: string;
  creditCode: string | null;
  /** Upper-case X: the form to encrypt and hash. */
  residentId: string | null;
  regionCode: string | null;
  profession: Profession | null;
  institutionCreditCode: string | null;
  agreementSignedOn: string | null;
  category: string | null;
  employedFrom: string | null;
}

/** Only for an item that validateSubjectItem accepted: it does not check again. */
export function normalizeSubjectItem(item: RegisterSubjectItem): NormalizedSubjectItem {
  return {
    type: item.type as SubjectType,
    name: item.name.trim(),
    creditCode: text(item.creditCode),
    residentId: text(item.residentId)?.toUpperCase() ?? null,
    regionCode: text(item.regionCode),
    profession: text(item.profession) as Profession | null,
    institutionCreditCode: text(item.institutionCreditCode),
    agreementSignedOn: text(item.agreementSignedOn),
    category: text(item.category),
    employedFrom: text(item.employedFrom),
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}
