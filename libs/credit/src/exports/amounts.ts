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

/** Up to 15 digits: below 2^53, so exact as a Number. */
const SMALL_FEN = /^-?\d{1,15}$/;

/**
 * The amount as a Number when that is exact (a safe integer, or a decimal string of up to 15 digits), else null
 * (the BigInt path then decides, and refuses what it refuses). A penalty notice formats and compares 100k amounts:
 * BigInt parsing, division and comparison were a tenth of building its items.
 */
function smallFen(fen: Fen): number | null {
  if (typeof fen === 'number') return Number.isSafeInteger(fen) ? fen : null;
  if (typeof fen === 'string' && SMALL_FEN.test(fen)) return Number(fen);
  return null;
}

/** decimalText for a safe integer: the remainder and the quotient of integers below 2^53 are exact as Numbers. */
function smallDecimalText(units: number, scale: number): string {
  const abs = Math.abs(units);
  const unit = 10 ** scale;
  const rest = abs % unit;
  const whole = (abs - rest) / unit;
  const fraction = rest === 0 ? '' : String(rest).padStart(scale, '0').replace(/0+$/, '');
  return `${units < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * 万元 (10,000 yuan = 1,000,000 fen): exact, because one fen is 0.000001 万元, the sixth decimal. exports.md says
 * "6 decimals" and shows 254100 fen → `0.2541`: the sixth decimal is the precision (nothing is ever rounded),
 * trailing zeros are not written, as in the example (1,000,000 fen → `1`, 1 fen → `0.000001`).
 */
export function fenToWanYuan(fen: Fen): string {
  const n = smallFen(fen);
  return n === null ? decimalText(toBigInt(fen), 6) : smallDecimalText(n, 6);
}

/** Yuan for prose (罚款2541元, 罚款2541.5元): exact, trailing zeros of the fen dropped. */
export function fenToYuanText(fen: Fen): string {
  const n = smallFen(fen);
  return n === null ? decimalText(toBigInt(fen), 2) : smallDecimalText(n, 2);
}

/** Whether an amount is above zero (a null amount is not). */
export function isPositiveFen(fen: Fen | null | undefined): boolean {
  if (fen === null || fen === undefined) return false;
  const n = smallFen(fen);
  return n === null ? toBigInt(fen) > 0n : n > 0;
}

/** Compares an amount with a threshold in fen. */
export function fenAtMost(fen: Fen, limitFen: Fen): boolean {
  const a = smallFen(fen);
  const b = smallFen(limitFen);
  return a !== null && b !== null ? a <= b : toBigInt(fen) <= toBigInt(limitFen);
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
