/**
 * Money in the export, exact from integer fen (domain.md §8): never through a float. Accepts a BIGINT column as
 * it comes from the driver (a decimal string) or a number (which must be a safe integer) or a bigint.
 */
export type Fen = bigint | number | string;

function toBigInt(fen: Fen): bigint {
  if (typeof fen === 'bigint') return fen;
  if (typeof fen === 'number') {
    if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer (use a string or bigint beyond 2^53)');
    return BigInt(fen);
  }
  if (!/^-?\d+$/.test(fen)) throw new RangeError('fen must be an integer');
  return BigInt(fen);
}

/** `whole` + up to `scale` decimals of `units / 10^scale`, trailing zeros dropped ("0.2541", "1", "-0.000001"). */
function decimalText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const unit = 10n ** BigInt(scale);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(scale, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * 万元 (10,000 yuan = 1,000,000 fen): exact, because one fen is 0.000001 万元, the sixth decimal. exports.md says
 * "6 decimals" and shows 254100 fen → `0.2541`: the sixth decimal is the precision (nothing is ever rounded),
 * trailing zeros are not written, as in the example (1,000,000 fen → `1`, 1 fen → `0.000001`).
 */
export function fenToWanYuan(fen: Fen): string {
  return decimalText(toBigInt(fen), 6);
}

/** Yuan for prose (罚款2541元, 罚款2541.5元): exact, trailing zeros of the fen dropped. */
export function fenToYuanText(fen: Fen): string {
  return decimalText(toBigInt(fen), 2);
}

/** Whether an amount is above zero (a null amount is not). */
export function isPositiveFen(fen: Fen | null | undefined): boolean {
  return fen !== null && fen !== undefined && toBigInt(fen) > 0n;
}

/** Compares an amount with a threshold in fen. */
export function fenAtMost(fen: Fen, limitFen: Fen): boolean {
  return toBigInt(fen) <= toBigInt(limitFen);
}

/**
 * A fine given as a multiple of the loss (条例 Art.38: 1–2×, Art.40: 2–5×) with no amount recorded: the amount
 * involved × the multiple, exact (the multiple has at most three decimals, so the product is in thousandths of a
 * fen); a fraction of a fen is rounded half up, the only rounding in the export. Null when either is missing.
 */
export function fineFromMultiple(amountInvolvedFen: Fen | null, multiple: string | number | null): string | null {
  if (amountInvolvedFen === null || multiple === null) return null;
  const text = typeof multiple === 'number' ? multiple.toFixed(3) : multiple;
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const thousandths = BigInt(m[1]) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
  const product = toBigInt(amountInvolvedFen) * thousandths;
  return ((product + 500n) / 1000n).toString();
}
