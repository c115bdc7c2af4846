import type { RatingAnswer } from './ratings.reader';

/** A field of the answer, as the GraphQL `Rating` type and the bulk feed name it. */
export type RatingField = keyof RatingAnswer;

/**
 * The column behind each stored field (the current rating or a history row as `r`, the subject as `s`). The
 * identity (`s.id`, `s.credit_code`) and `r.score` (which tells a stored rating from none) are always read.
 */
const COLUMN_OF: Partial<Record<RatingField, string>> = {
  subjectType: 's.type',
  grade: 'r.grade',
  status: 'r.status',
  inspectionFactor: 'r.inspection_factor',
  keySupervision: 'r.key_supervision',
  depositRetention: 'r.deposit_retention',
  terminationRecommended: 'r.termination_recommended',
  notRated: 'r.not_rated',
  investigationHold: 'r.investigation_hold',
  settlementSuspendedUntil: 'r.settlement_suspended_until',
  ruleSetVersion: 'r.rule_set_version',
  computedAt: 'r.computed_at',
  explanation: 'r.explanation',
};

// A subject without a stored rating is rated on the spot (or answered its clean record) from these; where a
// rating is stored they read as NULL, which the driver passes through without building a value.
const UNRATED = 'r.score IS NULL';
const FOR_UNRATED = [
  `IF(${UNRATED}, s.agreement_signed_on, NULL) AS agreement_signed_on`,
  `IF(${UNRATED}, s.event_revision, NULL) AS event_revision`,
];

/**
 * The SELECT list for the stored answers of `fields` (all when null). Reading 10,000 rows, each column is a
 * value the driver parses and allocates, so a caller that selects six fields does not pay for seventeen.
 */
export function storedColumns(fields: ReadonlySet<RatingField> | null): string {
  const wanted = (f: RatingField) => fields === null || fields.has(f);
  const columns = ['s.id', 's.credit_code', 'r.score'];
  for (const [field, column] of Object.entries(COLUMN_OF) as [RatingField, string][]) {
    if (wanted(field)) columns.push(column);
  }
  if (!wanted('subjectType')) columns.push(`IF(${UNRATED}, s.type, NULL) AS type`);
  return [...columns, ...FOR_UNRATED].join(', ');
}
