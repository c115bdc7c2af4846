import { EventStatus, EventType, InspectionKind } from '@app/credit';
import { Prefecture } from '../catalogue/prefectures';

/**
 * The kind of document 文书 a decision number belongs to, as it appears in the number (津医保罚〔2024〕12号):
 * 罚 administrative penalty, 协 agreement measure, 稽 investigation, 移 referral to the police, 考 assessment notice,
 * 表 commendation, 记 practitioner points.
 */
export type DecisionKind = '罚' | '协' | '稽' | '移' | '考' | '表' | '记';

/**
 * One decision (one case file) that one or more events share: the several measures of one inspection, the
 * practitioners held responsible in an institution's penalty, or every organisation in a city's annual
 * assessment notice. Events of one case share the decision number, authority, dates, status and inspection.
 */
export interface CaseFile {
  readonly prefecture: Prefecture;
  readonly type: EventType;
  /** null: no decision number (a commitment or a repair activity is not a decision). */
  readonly kind: DecisionKind | null;
  readonly occurredDay: number;
  readonly decidedDay: number;
  readonly status: EventStatus;
  readonly inspectionKind: InspectionKind | null;
  readonly selfReported: boolean;
  /** Given when the events are put in date order, so that numbers rise with the date within a year. */
  decisionNo: string | null;
}
