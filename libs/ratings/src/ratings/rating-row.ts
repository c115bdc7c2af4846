import { RatingOutcome } from './rating-outcome';

/** A rating as raw SQL returns it (ratings or rating_history columns, the subject's type as `type`). */
export interface RatingRow {
  type: RatingOutcome['subjectType'];
  score: number;
  grade: string | null;
  status: string | null;
  inspection_factor: string | number | null;
  key_supervision: number;
  deposit_retention: number;
  termination_recommended: number;
  not_rated: number;
  investigation_hold: number;
  settlement_suspended_until: string | null;
  rule_set_version: number;
  explanation?: string | object | null;
}

/** Raw columns to the stored shape: DECIMAL strings to numbers, TINYINT to booleans, JSON text parsed. */
export function outcomeFromRow(r: RatingRow): RatingOutcome {
  return {
    subjectType: r.type,
    score: Number(r.score),
    grade: r.grade as RatingOutcome['grade'],
    status: r.status as RatingOutcome['status'],
    inspectionFactor: r.inspection_factor === null ? null : Number(r.inspection_factor),
    keySupervision: r.key_supervision === 1,
    depositRetention: r.deposit_retention === 1,
    terminationRecommended: r.termination_recommended === 1,
    notRated: r.not_rated === 1,
    investigationHold: r.investigation_hold === 1,
    settlementSuspendedUntil: r.settlement_suspended_until,
    ruleSetVersion: Number(r.rule_set_version),
    explanation: explanationFromRow(r),
  };
}

/** The explanation column: JSON text or already parsed (the driver parses JSON columns it recognises). */
export function explanationFromRow(r: Pick<RatingRow, 'explanation'>): RatingOutcome['explanation'] {
  return typeof r.explanation === 'string' ? JSON.parse(r.explanation) : ((r.explanation ?? []) as RatingOutcome['explanation']);
}
