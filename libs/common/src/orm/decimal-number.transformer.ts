import { ValueTransformer } from 'typeorm';

/** mysql2 returns DECIMAL as a string; a fine multiple (a ratio, never money) is safe as a JS number. */
export const decimalNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
