import { RegisterSubjectItem, SubjectType } from '@app/credit';
import { Prefecture } from '../catalogue/prefectures';
import { CaseFile } from './case-file';

/** A generated organisation with what the event generators need to know about it. */
export interface OrganisationProfile {
  readonly item: RegisterSubjectItem;
  readonly type: SubjectType.MEDICAL_INSTITUTION | SubjectType.PHARMACY;
  readonly creditCode: string;
  readonly regionCode: string;
  readonly prefecture: Prefecture;
  readonly signedDay: number;
  /** The earliest day an event can fall on: the start of the period, or the agreement date if later. */
  readonly floorDay: number;
  /** Its administrative penalty cases, which a practitioner's event can be part of (domain.md §4, tier 2/4). */
  readonly penaltyCases: CaseFile[];
}
