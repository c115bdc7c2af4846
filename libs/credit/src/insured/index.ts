export type { InsuredRating, InsuredRatingInput } from './insured-rating';
export { rateInsuredPerson } from './rate-insured-person';
export { settlementSuspensionMonths } from './settlement-suspension-months';
