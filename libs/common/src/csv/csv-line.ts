/** A cell a spreadsheet would run as a formula (OWASP CSV injection): =, +, -, @, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 line (CRLF-terminated) of cells that is safe to open in a spreadsheet: a cell that would start a
 * formula is prefixed with an apostrophe, and cells with a comma, quote or line break are quoted (quotes
 * doubled). null and undefined are empty cells. Feeds write it after a UTF-8 BOM (architecture.md practice 15).
 */
export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The UTF-8 byte order mark spreadsheet programs need to read UTF-8 CSV as such. */
export const UTF8_BOM = '\uFEFF';
