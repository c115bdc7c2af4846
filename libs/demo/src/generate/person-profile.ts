import { RegisterSubjectItem } from '@app/credit';
import { Prefecture } from '../catalogue/prefectures';
import { OrganisationProfile } from './organisation-profile';

/** A generated practitioner or insured person with what the event generators need to know about them. */
export interface PersonProfile {
  readonly item: RegisterSubjectItem;
  readonly residentId: string;
  readonly regionCode: string;
  readonly prefecture: Prefecture;
  /** The earliest day an event can fall on: the start of the period, or a minimum age if reached later. */
  readonly floorDay: number;
  /** A practitioner's institution or pharmacy; null for insured persons. */
  readonly employer: OrganisationProfile | null;
}
