export {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  makeCreditCode,
  validateCreditCode,
  isValidCreditCode,
  organizationCodeCheckChar,
} from './credit-code';
export type { CreditCodeDefect, CreditCodeValidation, CreditCodeOptions } from './credit-code';
export { residentIdCheckDigit, makeResidentId, validateResidentId } from './resident-id';
export type { ResidentIdDefect, ResidentIdValidation } from './resident-id';
export { ageOn, isMinorOn } from './age';
export { maskResidentId, maskPersonName, containsResidentIdPattern, containsMobileNumberPattern, containsValidResidentId, maskResidentIdsIn } from './masking';
