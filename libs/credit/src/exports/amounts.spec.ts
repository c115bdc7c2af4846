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
