// TEMPORARY stand-in until the list rules land (helper branch); replaced by the real definitions at merge.
import { EventType, Grade } from '../model';
export interface ListRules {
  severeDishonesty: { entryEventTypes: EventType[]; publicationMonths: number; repairMinimumMonths: number; objectionWorkingDays: number };
  goodConduct: { consecutiveYears: number; noPenaltyMonths: number; penaltyEventTypes: EventType[] };
  keySupervision: { grades: Grade[] };
  general: { publicationMonths: number; repairMinimumMonths: number };
  repair: { decisionWorkingDays: number; noNewViolationMonths: number };
}
