/**
 * A BIGINT UNSIGNED AUTO_INCREMENT id as the API carries it (a decimal string). Checked before it reaches SQL,
 * so `id: "abc"` is "not found" rather than a comparison MariaDB would coerce.
 */
export function isRowId(value: unknown): value is string {
  return typeof value === 'string' && /^[1-9]\d{0,19}$/.test(value);
}
