import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  isValidCreditCode,
  makeCreditCode,
  organizationCodeCheckChar,
  validateCreditCode,
} from './credit-code';

// Published codes. Each one also passes the independent GB 11714 check of its embedded organisation code,
// which a misremembered code would fail 10 times out of 11: two checks agreeing is the evidence they are real.
const REAL_CODES: Array<[string, string]> = [
  ['91350100M000100Y43', 'the example in GB 32100-2015'],
  ['914403001922038216', '华为技术有限公司'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
  ['91110000802100433B', '北京百度网讯科技有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91520000214434146R', '贵州茅台酒股份有限公司'],
  ['91440300192317458F', '比亚迪股份有限公司'],
  ['91330100716105852F', '阿里巴巴(中国)有限公司'],
  ['91110000710926094P', '中国石油化工股份有限公司'],
  ['12100000400000624D', '北京协和医院 (a 事业单位, category 12)'],
];

describe('validateCreditCode accepts real codes', () => {
  it.each(REAL_CODES)('%s (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
    expect(validateCreditCode(code, { checkOrganizationCode: true })).toEqual({ ok: true });
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });
});

describe('validateCreditCode refuses every other check character of a real code', () => {
  it.each(REAL_CODES)('%s', (code) => {
    const wrong = [...CREDIT_CODE_ALPHABET].filter((c) => c !== code[17]);
    expect(wrong).toHaveLength(30);
    for (const c of wrong) {
      expect(validateCreditCode(code.slice(0, 17) + c)).toEqual({ ok: false, reason: 'INVALID_CREDIT_CODE', detail: 'CHECK_CHARACTER' });
    }
  });
});

describe('validateCreditCode accepts generated codes of other registration authorities', () => {
  // Not real codes: built with creditCodeCheckChar to show the structure rules admit these authorities.
  it.each([
    ['3111000040000000A1', '司法行政 (law firm)'],
    ['5211010500000001XP', '民政, 民办非企业单位 (private hospital)'],
    ['92110108MA0000001A', '个体工商户 (small pharmacy)'],
    ['Y1440300MA5ABCDE1U', '其他'],
    ['N2330100MA2F000012', '农业'],
    ['911101080000000080', 'check value 31 written as 0'],
  ])('generated %s (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });
});

describe('validateCreditCode names the defect', () => {
  it.each([
    ['', 'LENGTH'],
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100Y433', 'LENGTH'],
    [' 91350100M000100Y43', 'LENGTH'],
    ['91350100m000100y43', 'CHARACTER'], // lower case is refused, not normalised
    ['91350100I000100Y43', 'CHARACTER'],
    ['91350100O000100Y43', 'CHARACTER'],
    ['91350100Z000100Y43', 'CHARACTER'],
    ['91350100S000100Y43', 'CHARACTER'],
    ['91350100V000100Y43', 'CHARACTER'],
    ['91350100M000100Y4-', 'CHARACTER'],
    ['９1350100M000100Y43', 'CHARACTER'], // full-width digit
    ['B1350100M000100Y43', 'REGISTRATION_AUTHORITY'],
    ['01350100M000100Y43', 'REGISTRATION_AUTHORITY'],
    ['90350100M000100Y43', 'CATEGORY'],
    ['9A350100M000100Y43', 'CATEGORY'],
    ['9135A100M000100Y43', 'REGION_CODE'],
    ['91350100M000100Y44', 'CHECK_CHARACTER'],
    ['91350100M000010Y43', 'CHECK_CHARACTER'], // two digits swapped
  ])('%j → %s', (code, detail) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'INVALID_CREDIT_CODE', detail });
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('reports a non-string as TYPE', () => {
    expect(validateCreditCode(91350100 as unknown as string)).toEqual({ ok: false, reason: 'INVALID_CREDIT_CODE', detail: 'TYPE' });
    expect(isValidCreditCode(null)).toBe(false);
  });

  it('checks the organisation code only when asked', () => {
    // Body of the GB example with its organisation check character changed, then a correct 18th character.
    const code = makeCreditCode('91350100M000100Y5');
    expect(validateCreditCode(code)).toEqual({ ok: true });
    expect(validateCreditCode(code, { checkOrganizationCode: true })).toEqual({
      ok: false,
      reason: 'INVALID_CREDIT_CODE',
      detail: 'ORGANIZATION_CODE_CHECK',
    });
  });
});

describe('creditCodeCheckChar and makeCreditCode', () => {
  it('makes a code that validates', () => {
    expect(makeCreditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(isValidCreditCode(makeCreditCode('91110105MA01ABCD1'))).toBe(true);
  });

  it.each([['91350100M000100Y'], ['91350100M000100Y43'], ['91350100m000100y4'], ['91350100I000100Y4']])(
    'refuses the body %j',
    (body) => {
      expect(() => creditCodeCheckChar(body)).toThrow(RangeError);
    },
  );
});

describe('organizationCodeCheckChar (GB 11714)', () => {
  it.each([
    ['M000100Y', '4'],
    ['19220382', '1'],
    ['70846113', '6'],
    ['80210043', '3'],
  ])('%s → %s', (body, check) => {
    expect(organizationCodeCheckChar(body)).toBe(check);
  });

  it.each([
    ['00000005', '1'], // sum 10 → 11 − 10
    ['00000006', 'X'], // sum 12 ≡ 1 → 10, written X
    ['00000000', '0'], // sum 0 → 11, written 0
  ])('%s → %s', (body, check) => {
    expect(organizationCodeCheckChar(body)).toBe(check);
  });

  it('refuses a body that is not 8 characters of 0-9A-Z', () => {
    expect(() => organizationCodeCheckChar('M000100')).toThrow(RangeError);
    expect(() => organizationCodeCheckChar('m000100y')).toThrow(RangeError);
  });
});
