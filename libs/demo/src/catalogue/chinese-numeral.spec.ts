import { chineseNumeral } from './chinese-numeral';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [99, '九十九'],
    [100, '100'],
  ])('%d → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('refuses zero and fractions', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});
