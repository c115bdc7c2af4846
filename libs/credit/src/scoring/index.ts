export type { ExplanationLine } from './explanation-line';
export { SAME_INDICATOR_ONCE } from './explanation-line';
export type { OrgRating, OrgRatingInput } from './org-rating';
export { rateOrganisation } from './rate-organisation';
export { gradeFromScore } from './grade-from-score';
export { rate } from './rate';
export type { RateInput, Rating, RatingBySubjectType } from './rate';
export { rateOnDate } from './rate-on-date';
export type { RateOnDateInput } from './rate-on-date';
