import { validateResidentId } from './resident-id';

/**
 * Masking of personal data for anything that leaves the restricted roles (domain.md section 7; 条例 Art.32,
 * PIPL Art.28). Each function fails towards hiding more: input it does not understand is masked entirely.
 */

const MASKED_ID_MIDDLE = '********';
const FULLY_MASKED_ID = '******************';
const ANONYMOUS = '某';

// Two-character surnames 复姓 still in use, simplified and traditional. A name that starts with one of these
// and has at least three characters keeps both (欧阳娜娜 → 欧阳某). Pairs whose first character is a common
// surname on its own and whose second is a common given-name character (闻人, 单于, 乐正) are left out: a wrong
// guess there would reveal a character of the given name, while leaving one out only hides a little more.
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐',
  '端木', '司空', '西门', '南宫', '独孤', '轩辕', '呼延', '澹台', '公冶', '赫连', '申屠', '太史', '钟离',
  '百里', '东郭', '万俟', '第五', '拓跋', '完颜', '濮阳', '淳于', '仲孙', '漆雕', '左丘', '壤驷',
  '歐陽', '司馬', '諸葛', '東方', '公孫', '長孫', '鍾離', '軒轅', '獨孤', '澹臺', '東郭',
]);

const HAN = /^\p{Script=Han}$/u;

/** First 6 + 8 stars + last 4 (110105********002X), for authorised non-public feeds. */
export function maskResidentId(id: string): string {
  if (typeof id !== 'string' || id.length !== 18) return FULLY_MASKED_ID;
  return id.slice(0, 6) + MASKED_ID_MIDDLE + id.slice(14).toUpperCase();
}

/**
 * Surname + 某 (张三 → 张某, 欧阳娜娜 → 欧阳某). A two-character name starting with a compound surname is
 * read as surname + given name (欧阳 → 欧某), the more common case. Anything else — empty, a single character,
 * Latin letters, or a transcribed name with a middle dot (买买提·艾力, which has no surname to show) — is 某.
 */
export function maskPersonName(name: string): string {
  if (typeof name !== 'string') return ANONYMOUS;
  // Data entry often puts a space between surname and given name (张 三); it carries no meaning.
  const chars = Array.from(name.replace(/\s+/gu, ''));
  if (chars.length < 2 || !chars.every((c) => HAN.test(c))) return ANONYMOUS;
  const firstTwo = chars[0] + chars[1];
  if (chars.length >= 3 && COMPOUND_SURNAMES.has(firstTwo)) return firstTwo + ANONYMOUS;
  return chars[0] + ANONYMOUS;
}

// 17 digits and a digit or X, not preceded by a digit and not followed by one: part of a longer number
// (an order number, a 19-digit snowflake id) is not an ID; an ID glued to letters or punctuation still is.
const RESIDENT_ID_PATTERN = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
/** The same shape, global, with the parts a mask keeps (first 6, last 4) captured. */
const RESIDENT_ID_PATTERN_ALL = /(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])/g;

// Format characters (zero-width spaces, direction marks) and combining marks: invisible, so an ID can hide
// behind them; NFKC folds full-width digits (１１０１…) to ASCII. Both are undone before looking for an ID.
const INVISIBLE = /[\p{Cf}\p{M}]/gu;
// ASCII is its own NFKC form and holds no format or combining character: most identifiers fold to themselves.
const ASCII = /^[\u0000-\u007f]*$/;
// Other texts (authorities, legal bases) repeat from item to item, and one text is checked for IDs and phone
// numbers in a row: their folded forms are kept, a bounded few, because NFKC was a fifth of validation (B1).
const FOLDED_KEPT = 512;
const foldedCache = new Map<string, string>();
function folded(text: string): string {
  if (ASCII.test(text)) return text;
  let f = foldedCache.get(text);
  if (f === undefined) {
    f = text.normalize('NFKC').replace(INVISIBLE, '');
    if (foldedCache.size >= FOLDED_KEPT) foldedCache.clear();
    foldedCache.set(text, f);
  }
  return f;
}

// A mainland mobile number, optionally with the country code and the usual 3-4-4 separators.
const MOBILE_NUMBER_PATTERN = /(?<![0-9])(?:86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])/;

/**
 * True when the text contains anything shaped like an 18-character resident ID, valid or not, also when it is
 * written in full-width digits or broken up by invisible characters (as a reader of the text would still see it).
 */
export function containsResidentIdPattern(text: string): boolean {
  if (RESIDENT_ID_PATTERN.test(text)) return true;
  const f = folded(text);
  return f !== text && RESIDENT_ID_PATTERN.test(f);
}

const RESIDENT_ID_CANDIDATES = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;

/**
 * True when the text contains a valid resident ID (check digit and birth date right), however written: for
 * identifier fields (a case system's reference), where an 18-digit serial number is legitimate but a real ID
 * is a column mix-up that would store personal data in clear.
 */
export function containsValidResidentId(text: string): boolean {
  const f = folded(text);
  return hasValidId(text) || (f !== text && hasValidId(f));
}

function hasValidId(t: string): boolean {
  // Most texts hold nothing ID-shaped: one test, before collecting candidates to check.
  if (!RESIDENT_ID_PATTERN.test(t)) return false;
  for (const m of t.matchAll(RESIDENT_ID_CANDIDATES)) if (validateResidentId(m[0]).ok) return true;
  return false;
}

/** True when the text contains a mainland mobile phone number (domain.md §7: never in anything public). */
export function containsMobileNumberPattern(text: string): boolean {
  return MOBILE_NUMBER_PATTERN.test(folded(text));
}

/**
 * Masks every resident-ID-shaped string in free text (first 6 + ******** + last 4): the last line of
 * defence for error messages and anything else that might echo caller input.
 */
export function maskResidentIdsIn(text: string): string {
  return text.replace(RESIDENT_ID_PATTERN_ALL, (_m, head: string, tail: string) => `${head}********${tail.toUpperCase()}`);
}
