import { containsMobileNumberPattern, containsResidentIdPattern, containsValidResidentId, makeResidentId } from '../identifiers';
import { freeTextProblem } from './free-text';

const ID = makeResidentId('11010519491231002'); // the GB 11643 sample, not a real person
const fullWidth = (s: string): string => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('freeTextProblem', () => {
  it.each([
    ['津医保罚〔2026〕1号', null],
    ['条例第38条 第一款', null],
    ['<script>alert(1)</script>', null],
    [`x'; DROP TABLE subjects; --`, null],
    ['\u200f天津市医疗保障局', null], // a plain direction mark reorders nothing
    ['Z\u0337a\u0338l\u0336g\u0335o', null],
    ['😀汉', null],
    ['a\u0000b', 'must not contain control characters'],
    ['line1\nline2', 'must not contain control characters'],
    ['a\u0085b', 'must not contain control characters'],
    ['a\ud800b', 'must be well-formed Unicode (no unpaired surrogate)'],
    ['\udc00', 'must be well-formed Unicode (no unpaired surrogate)'],
    ['医院\u202e号3', 'must not contain bidirectional embedding, override or isolate characters'],
    ['\u2067x\u2069', 'must not contain bidirectional embedding, override or isolate characters'],
  ])('%j → %s, published or not', (text, expected) => {
    expect(freeTextProblem(text, false)).toBe(expected);
    expect(freeTextProblem(text, true)).toBe(expected);
  });

  it.each([
    [ID, 'must not contain a resident ID number'],
    [`当事人身份证${ID}号`, 'must not contain a resident ID number'],
    [fullWidth(ID), 'must not contain a resident ID number'],
    [`${ID.slice(0, 6)}\u200b${ID.slice(6)}`, 'must not contain a resident ID number'],
    [`${ID.slice(0, 9)}\u0301${ID.slice(9)}`, 'must not contain a resident ID number'],
    ['13812345678', 'must not contain a phone number'],
    ['联系电话+8613812345678', 'must not contain a phone number'],
    ['138-1234-5678', 'must not contain a phone number'],
    [fullWidth('13812345678'), 'must not contain a phone number'],
  ])('refuses personal data in published text only: %j', (text, expected) => {
    expect(freeTextProblem(text, true)).toBe(expected);
    expect(freeTextProblem(text, false)).toBeNull();
  });

  it('leaves numbers that are neither an ID nor a mobile number alone', () => {
    for (const text of ['12345678901', '1381234567', '138123456789', '02512345678', '津医保罚〔2026〕13号', '2026010500000000001']) {
      expect(freeTextProblem(text, true)).toBeNull();
    }
  });
});

describe('resident IDs in identifiers', () => {
  it('finds a valid ID however written, but not an 18-digit serial number', () => {
    expect(containsValidResidentId(`case-${ID}`)).toBe(true);
    expect(containsValidResidentId(fullWidth(ID))).toBe(true);
    expect(containsValidResidentId('202601050000000001')).toBe(false); // no birth date in it
    expect(containsValidResidentId(`${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`)).toBe(false); // wrong check digit
    expect(containsResidentIdPattern('202601050000000001')).toBe(true); // the shape alone is what public text refuses
    expect(containsMobileNumberPattern('202601050000000001')).toBe(false);
  });
});

describe('folding kept between checks', () => {
  it('answers the same for a text seen before, also after more distinct texts than it keeps', () => {
    const hidden = `编号${fullWidth(ID)}`;
    const phone = `电话${fullWidth('13800138000')}`;
    expect(containsValidResidentId(hidden)).toBe(true);
    expect(containsMobileNumberPattern(phone)).toBe(true);
    for (let i = 0; i < 2_000; i++) expect(containsResidentIdPattern(`机构${i}号`)).toBe(false);
    expect(containsValidResidentId(hidden)).toBe(true);
    expect(containsResidentIdPattern(hidden)).toBe(true);
    expect(containsMobileNumberPattern(phone)).toBe(true);
    expect(containsMobileNumberPattern('电话一三八')).toBe(false);
  });

  it('checks printable ASCII without folding and still refuses DEL and IDs in it', () => {
    expect(freeTextProblem('a\u007fb', false)).toBe('must not contain control characters');
    expect(freeTextProblem(`case ${ID}`, true)).toBe('must not contain a resident ID number');
    expect(freeTextProblem('CASE-2026-000001', true)).toBeNull();
  });
});
