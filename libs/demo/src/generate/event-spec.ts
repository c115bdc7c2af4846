import { EventType, Responsibility } from '@app/credit';
import { CaseFile } from './case-file';
import { EventDetails } from './event-details';

/** Everything one event item is made of. */
export interface EventSpec {
  /** The natural key: credit code for organisations, resident ID for persons (never a subjectId). */
  readonly keyField: 'creditCode' | 'residentId';
  readonly key: string;
  readonly type: EventType;
  readonly caseFile: CaseFile;
  /** Where it happened: the organisation's district, or the person's. */
  readonly regionCode: string;
  readonly legalBasis: string | null;
  readonly details: EventDetails;
  readonly responsibility?: Responsibility;
}
