const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 99 → 九十九; from 100 on, Arabic digits (store names then read 第123店). */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('chineseNumeral needs a whole number >= 1');
  if (n >= 100) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (units === 0 ? '' : DIGITS[units]);
}
