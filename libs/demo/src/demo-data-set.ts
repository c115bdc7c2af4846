import { RecordEventItem, RegisterSubjectItem } from '@app/credit';

export interface DemoOptions {
  /** Any safe integer; the same seed, scale, today and years always give byte-identical output. Default 1. */
  seed?: number;
  /** Multiplies every size; may be fractional (0.1) or large (100). Default 1. */
  scale?: number;
  /** 'YYYY-MM-DD' in Asia/Shanghai: no date in the data set is after it. */
  today: string;
  /** How many years before today the events span. Default 3. */
  years?: number;
}

export interface DemoDataSet {
  /** MEDICAL_INSTITUTION and PHARMACY subjects, keyed by credit code. */
  organisations: RegisterSubjectItem[];
  /** PRACTITIONER subjects, keyed by resident ID, each employed by one of `organisations`. */
  practitioners: RegisterSubjectItem[];
  /** INSURED_PERSON subjects, keyed by resident ID; most have no event. */
  insuredPersons: RegisterSubjectItem[];
  /** In decision-date order; each names its subject by credit code or resident ID, never by subjectId. */
  events: RecordEventItem[];
}
