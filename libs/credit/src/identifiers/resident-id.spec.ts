import { makeResidentId, residentIdCheckDigit, validateResidentId } from './resident-id';

describe('validateResidentId accepts valid IDs', () => {
  it.each([
    // The sample in GB 11643-1999; the others are generated with residentIdCheckDigit (not real people).
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'F'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'F'], // lower-case x normalised
    ['440304200002291236', '440304200002291236', '2000-02-29', 'M'], // 2000 is a leap year
    ['310115199001010010', '310115199001010010', '1990-01-01', 'M'], // check digit 0
    ['11010519000101001X', '11010519000101001X', '1900-01-01', 'M'], // earliest accepted year
    ['51010719850615301X', '51010719850615301X', '1985-06-15', 'M'],
  ])('%s', (id, normalized, birthDate, sex) => {
    expect(validateResidentId(id)).toEqual({ ok: true, normalized, birthDate, sex });
  });

  it('accepts a birth date equal to today', () => {
    expect(validateResidentId('110105202601010027', '2026-01-01')).toMatchObject({ ok: true, birthDate: '2026-01-01' });
  });
});

describe('validateResidentId names the defect', () => {
  it.each([
    ['', 'LENGTH'],
    ['11010519491231002', 'LENGTH'],
    ['11010519491231002XX', 'LENGTH'],
    ['110105491231002', 'LENGTH'], // the old 15-digit form is not accepted
    [' 11010519491231002X', 'LENGTH'],
    ['1101051949123100X2', 'CHARACTER'], // X only in the last place
    ['11010519491231002Y', 'CHARACTER'],
    ['A1010519491231002X', 'CHARACTER'],
    ['11010519491231002-', 'CHARACTER'],
    ['１1010519491231002X', 'CHARACTER'], // full-width digit
    ['110105194912320020', 'BIRTH_DATE'], // 32 December
    ['110105194913010020', 'BIRTH_DATE'], // month 13
    ['110105200002300020', 'BIRTH_DATE'], // 30 February
    ['110105190002290017', 'BIRTH_DATE'], // 1900 is not a leap year
    ['110105189912310020', 'BIRTH_DATE'], // before 1900
    ['110105000002300020', 'BIRTH_DATE'],
    ['110105194912310021', 'CHECK_DIGIT'],
    ['110105194912310020', 'CHECK_DIGIT'],
    ['11010519491213002X', 'CHECK_DIGIT'], // day digits swapped
  ])('%j → %s', (id, detail) => {
    expect(validateResidentId(id)).toEqual({ ok: false, reason: 'INVALID_RESIDENT_ID', detail });
  });

  it('refuses every wrong check character of the standard sample', () => {
    const wrong = [...'0123456789X'].filter((c) => c !== 'X');
    for (const c of wrong) {
      expect(validateResidentId('11010519491231002' + c)).toMatchObject({ ok: false, detail: 'CHECK_DIGIT' });
    }
  });

  it.each([
    ['110105202601020024', '2026-01-01'], // born tomorrow
    ['110105203001010010', '2026-01-01'],
  ])('refuses %s born after today %s', (id, today) => {
    const body = id.slice(0, 17);
    expect(validateResidentId(makeResidentId(body), today)).toEqual({ ok: false, reason: 'INVALID_RESIDENT_ID', detail: 'BIRTH_DATE' });
    expect(validateResidentId(makeResidentId(body))).toMatchObject({ ok: true }); // without today it is fine
  });

  it('reports a non-string as TYPE', () => {
    expect(validateResidentId(11010519491231 as unknown as string)).toMatchObject({ ok: false, detail: 'TYPE' });
  });

  it('throws on a malformed today: that is a programming error, not bad input', () => {
    expect(() => validateResidentId('11010519491231002X', '2026/01/01')).toThrow(RangeError);
  });
});

describe('residentIdCheckDigit and makeResidentId', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44030420000229123', '6'],
    ['31011519900101001', '0'],
  ])('%s → %s', (body, check) => {
    expect(residentIdCheckDigit(body)).toBe(check);
    expect(makeResidentId(body)).toBe(body + check);
  });

  it('produces every check character 0–9 and X over consecutive sequence numbers', () => {
    const checks = new Set(Array.from({ length: 200 }, (_, i) => residentIdCheckDigit('11010519900101' + String(i).padStart(3, '0'))));
    expect([...checks].sort()).toEqual([...'0123456789X']);
  });

  it.each([['1101051949123100'], ['11010519491231002X'], ['1101051949123100A']])('refuses the body %j', (body) => {
    expect(() => residentIdCheckDigit(body)).toThrow(RangeError);
  });
});
