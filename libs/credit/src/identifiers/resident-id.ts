import { formatIsoDate, IsoDate, isIsoDate, tryParseIsoDate } from '../calendar';

/**
 * Resident identity number 公民身份号码 (GB 11643-1999), the natural key of practitioners and insured persons.
 *
 *   positions 1–6    address code 地址码 (not checked beyond being digits: the 2023 foreigners' permanent
 *                    residence card uses the same format with a 9 in front, and old county codes stay valid)
 *   positions 7–14   birth date YYYYMMDD
 *   positions 15–17  sequence code; odd for men, even for women
 *   position  18     check character 0–9 or X (ISO 7064 MOD 11-2)
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const BODY = /^[0-9]{17}$/;
const FULL = /^[0-9]{17}[0-9X]$/;
const EARLIEST_BIRTH_YEAR = 1900;

export type ResidentIdDefect = 'TYPE' | 'LENGTH' | 'CHARACTER' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export type ResidentIdValidation =
  | { ok: true; normalized: string; birthDate: IsoDate; sex: 'M' | 'F' }
  | { ok: false; reason: 'INVALID_RESIDENT_ID'; detail: ResidentIdDefect };

/** The check character (position 18) for the first 17 digits. */
export function residentIdCheckDigit(first17: string): string {
  if (!BODY.test(first17)) throw new RangeError('A resident ID body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** A complete ID from the first 17 digits, e.g. for generated demo data. */
export function makeResidentId(first17: string): string {
  return first17 + residentIdCheckDigit(first17);
}

/**
 * Checks length, characters, birth date and check character. A lower-case x is accepted and normalised to
 * upper case (people type it either way; the card prints X), so `normalized` is what must be stored, hashed
 * and compared: the same person must never get two keys. Whitespace is not trimmed here.
 * `today` ('YYYY-MM-DD', Asia/Shanghai), when given, rejects birth dates after it.
 */
export function validateResidentId(id: string, today?: IsoDate): ResidentIdValidation {
  if (typeof id !== 'string') return invalid('TYPE');
  if (id.length !== 18) return invalid('LENGTH');
  const normalized = id.toUpperCase();
  if (!FULL.test(normalized)) return invalid('CHARACTER');
  const birthDate = birthDateOf(normalized, today);
  if (!birthDate) return invalid('BIRTH_DATE');
  if (residentIdCheckDigit(normalized.slice(0, 17)) !== normalized[17]) return invalid('CHECK_DIGIT');
  const sex = (normalized.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
  return { ok: true, normalized, birthDate, sex };
}

function invalid(detail: ResidentIdDefect): ResidentIdValidation {
  return { ok: false, reason: 'INVALID_RESIDENT_ID', detail };
}

function birthDateOf(id: string, today: IsoDate | undefined): IsoDate | null {
  const candidate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const parts = tryParseIsoDate(candidate);
  if (!parts || parts.year < EARLIEST_BIRTH_YEAR) return null;
  if (today !== undefined) {
    if (!isIsoDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
    if (candidate > today) return null;
  }
  return formatIsoDate(parts.year, parts.month, parts.day);
}
