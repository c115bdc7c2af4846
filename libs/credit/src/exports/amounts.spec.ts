import { fenAtMost, fenToWanYuan, fenToYuanText, fineFromMultiple, isPositiveFen } from './amounts';

describe('fenToWanYuan (exact, 1 fen = 0.000001 万元)', () => {
  it.each([
    [254100, '0.2541'],
    [1, '0.000001'],
    [100, '0.0001'],
    [1_000_000, '1'],
    [1_000_001, '1.000001'],
    [0, '0'],
    [999_999, '0.999999'],
    [123_456_789, '123.456789'],
  ])('%p fen → %p', (fen, text) => {
    expect(fenToWanYuan(fen)).toBe(text);
  });

  it('is exact beyond 2^53 when given as a string or bigint (BIGINT columns)', () => {
    expect(fenToWanYuan('9007199254740993')).toBe('9007199254.740993');
    expect(fenToWanYuan(9_223_372_036_854_775_807n)).toBe('9223372036854.775807');
  });

  it('refuses an unsafe number or a non-integer rather than lose precision', () => {
    expect(() => fenToWanYuan(2 ** 53 + 2)).toThrow(RangeError);
    expect(() => fenToWanYuan(1.5)).toThrow(RangeError);
    expect(() => fenToWanYuan('12.5')).toThrow(RangeError);
  });

  it('keeps a sign', () => {
    expect(fenToWanYuan(-1)).toBe('-0.000001');
  });
});

describe('fenToYuanText', () => {
  it.each([
    [254100, '2541'],
    [254150, '2541.5'],
    [254105, '2541.05'],
    [1, '0.01'],
  ])('%p fen → %p yuan', (fen, text) => expect(fenToYuanText(fen)).toBe(text));
});

describe('comparisons', () => {
  it('knows positive amounts and limits', () => {
    expect(isPositiveFen(null)).toBe(false);
    expect(isPositiveFen('0')).toBe(false);
    expect(isPositiveFen('1')).toBe(true);
    expect(fenAtMost('300000', 300000)).toBe(true);
    expect(fenAtMost('300001', 300000)).toBe(false);
  });
});

describe('the Number path for amounts below 2^53 (strings of up to 15 digits, safe integers)', () => {
  // The reference: the BigInt arithmetic every amount took before, for any size.
  const reference = (fen: bigint, scale: number): string => {
    const abs = fen < 0n ? -fen : fen;
    const unit = 10n ** BigInt(scale);
    const fraction = (abs % unit).toString().padStart(scale, '0').replace(/0+$/, '');
    return `${fen < 0n ? '-' : ''}${abs / unit}${fraction ? `.${fraction}` : ''}`;
  };
  const samples = (): string[] => {
    const out = ['0', '-0', '1', '-1', '9', '10', '99', '100', '101', '999999', '1000000', '1000001', '007', '-0042', '999999999999999', '-999999999999999', '1000000000000000', '9007199254740991', '9007199254740993'];
    // Every length, with edge digits and a deterministic spread of middles.
    for (let len = 1; len <= 17; len++) {
      for (let k = 0; k < 40; k++) {
        let d = '';
        for (let i = 0; i < len; i++) d += String((k * 7 + i * 13 + len) % 10);
        out.push(d, `-${d}`, `${d.slice(0, -1)}0`, `${d.slice(0, -2)}00`);
      }
    }
    return out.filter((s) => /^-?\d+$/.test(s));
  };

  it('formats every sample exactly as the BigInt arithmetic does, as a string and as a number', () => {
    for (const s of samples()) {
      const big = BigInt(s);
      expect([s, fenToYuanText(s)]).toEqual([s, reference(big, 2)]);
      expect([s, fenToWanYuan(s)]).toEqual([s, reference(big, 6)]);
      const n = Number(s);
      if (Number.isSafeInteger(n)) {
        expect([n, fenToYuanText(n)]).toEqual([n, reference(BigInt(n), 2)]);
        expect([n, fenToWanYuan(n)]).toEqual([n, reference(BigInt(n), 6)]);
      }
    }
  });

  it('compares every pair of a sample set as BigInt does, across both paths', () => {
    const xs = samples().filter((_, i) => i % 7 === 0);
    for (const a of xs) {
      expect([a, isPositiveFen(a)]).toEqual([a, BigInt(a) > 0n]);
      for (const b of xs) expect([a, b, fenAtMost(a, b)]).toEqual([a, b, BigInt(a) <= BigInt(b)]);
    }
  });

  it('still refuses what it refused', () => {
    for (const bad of ['+1', '1e3', ' 1', '', '0x10', '12.0']) expect(() => fenToYuanText(bad)).toThrow(RangeError);
    expect(() => isPositiveFen(2 ** 53 + 2)).toThrow(RangeError);
    expect(() => fenAtMost(1.5, 2)).toThrow(RangeError);
  });
});

describe('fineFromMultiple: the amount involved × the multiple, exact in fen', () => {
  it.each<[string | number | null, string | number | null, string | null]>([
    ['1000000', '1.5', '1500000'],
    [127050, '2.000', '254100'],
    [3, '1.5', '5'], // 4.5 fen: half up
    [1, '0.001', '0'],
    ['9007199254740993', '2', '18014398509481986'], // beyond 2^53, exact
    [null, '2', null],
    [100, null, null],
    [100, 'abc', null],
  ])('%p × %p → %p', (amount, multiple, expected) => {
    expect(fineFromMultiple(amount, multiple)).toBe(expected);
  });
});
