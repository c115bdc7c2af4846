/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015), the natural key of institutions and pharmacies.
 *
 *   position  1     registration authority 登记管理部门 (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他 …)
 *   position  2     category 机构类别 (e.g. 91 enterprise, 92 个体工商户, 12 事业单位 — public hospitals)
 *   positions 3–8   administrative division code of the registering authority (6 digits)
 *   positions 9–17  organisation code 组织机构代码 (GB 11714, with its own check character at position 17)
 *   position  18    check character over positions 1–17
 */

// The 31 characters of GB 32100: digits and upper-case letters without I, O, Z, S, V (easily misread).
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
const FULL = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
// Character code → value in the alphabet, so the check loop does no string searching (ingest runs it per row).
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < CREDIT_CODE_ALPHABET.length; i++) VALUE_OF[CREDIT_CODE_ALPHABET.charCodeAt(i)] = i;

// Authorities in the 2015 table (1, 5, 9, Y) plus those assigned since (外交 2, 司法行政 3 — law firms —,
// 文化 4, 旅游 6, 宗教 7, 工会 8, 中央军委 A, 农业 N): a real code from any of them must be accepted.
const REGISTRATION_AUTHORITIES = '123456789ANY';
// Every category assigned so far is a digit; 0 is not used.
const CATEGORY = /^[1-9]$/;

export type CreditCodeDefect =
  | 'TYPE'
  | 'LENGTH'
  | 'CHARACTER'
  | 'REGISTRATION_AUTHORITY'
  | 'CATEGORY'
  | 'REGION_CODE'
  | 'CHECK_CHARACTER'
  | 'ORGANIZATION_CODE_CHECK';

export type CreditCodeValidation =
  | { ok: true }
  | { ok: false; reason: 'INVALID_CREDIT_CODE'; detail: CreditCodeDefect };

export interface CreditCodeOptions {
  /**
   * Also check the GB 11714 check character of the embedded organisation code (position 17). Off by default:
   * the 18th character is what GB 32100 makes authoritative, and generated demo codes only carry that one.
   */
  checkOrganizationCode?: boolean;
}

/** The check character (position 18) for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (!BODY.test(first17)) throw new RangeError('A credit code body is 17 characters from 0-9A-HJ-NPQRTUWXY');
  return checkCharOf(first17);
}

// The caller has checked that the first 17 characters are in the alphabet.
function checkCharOf(code: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += VALUE_OF[code.charCodeAt(i)] * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A complete code from the first 17 characters, e.g. for generated demo data. */
export function makeCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

/**
 * Checks shape, structure and check character. Lower case is refused, not normalised: the code is printed in
 * upper case on every licence, so lower case signals a transcription problem worth sending back.
 */
export function validateCreditCode(code: string, options: CreditCodeOptions = {}): CreditCodeValidation {
  const defect = findDefect(code, options);
  return defect ? { ok: false, reason: 'INVALID_CREDIT_CODE', detail: defect } : { ok: true };
}

export function isValidCreditCode(code: unknown, options: CreditCodeOptions = {}): code is string {
  return typeof code === 'string' && findDefect(code, options) === null;
}

function findDefect(code: unknown, options: CreditCodeOptions): CreditCodeDefect | null {
  if (typeof code !== 'string') return 'TYPE';
  if (code.length !== 18) return 'LENGTH';
  if (!FULL.test(code)) return 'CHARACTER';
  if (!REGISTRATION_AUTHORITIES.includes(code[0])) return 'REGISTRATION_AUTHORITY';
  if (!CATEGORY.test(code[1])) return 'CATEGORY';
  if (!allDigits(code, 2, 8)) return 'REGION_CODE';
  if (checkCharOf(code) !== code[17]) return 'CHECK_CHARACTER';
  if (options.checkOrganizationCode && organizationCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    return 'ORGANIZATION_CODE_CHECK';
  }
  return null;
}

function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_BODY = /^[0-9A-Z]{8}$/;

/**
 * GB 11714 check character of an 8-character organisation code body. Its letters count A = 10 … Z = 35
 * (the plain alphanumeric order, not the GB 32100 alphabet); the result is 0–9 or X.
 */
export function organizationCodeCheckChar(first8: string): string {
  if (!ORG_BODY.test(first8)) throw new RangeError('An organisation code body is 8 characters from 0-9A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
