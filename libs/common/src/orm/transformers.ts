import { ValueTransformer } from 'typeorm';

/**
 * BIGINT money (integer fen) and counters: mysql2 hands BIGINT back as a string (the connection sets
 * bigNumberStrings); we turn it into a number and refuse anything outside the safe-integer range rather
 * than lose precision silently.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null || value === undefined) return value;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT value outside the safe integer range`);
    return n;
  },
};
