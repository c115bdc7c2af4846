import { RecordEventItem } from '@app/credit';
import { EVENT_CSV_COLUMNS, EventCsvColumn } from './event-csv-header';

export type EventCsvRowReason = 'MISSING_COLUMN' | 'INVALID_AMOUNT' | 'INVALID_VALUE';

/** Same shape as the validator's ValidationIssue; the message never repeats the cell (it may be personal data). */
export interface EventCsvRowIssue {
  field: string;
  reason: EventCsvRowReason;
  message: string;
}

export type EventCsvRowResult = { item: RecordEventItem } | { issue: EventCsvRowIssue };

type Converted = { value: unknown } | { issue: EventCsvRowIssue };
type Converter = (text: string, field: string) => Converted;

// Decimal digits only: Number() would also take '1e3', '0x10', ' 12 ' and '', and parseInt('12abc') is 12.
const INTEGER_LITERAL = /^\+?[0-9]+$/;
const DECIMAL_LITERAL = /^\+?[0-9]+(?:\.[0-9]+)?$/;

// Spreadsheet exports write flags in many ways; a Chinese form writes 是/否.
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['1', true],
  ['yes', true],
  ['是', true],
  ['false', false],
  ['0', false],
  ['no', false],
  ['否', false],
]);

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(EVENT_CSV_COLUMNS);

// Text columns (enums, dates, codes) are left to validateEventItem; only non-string JSON types need work here.
const CONVERTERS: Partial<Record<EventCsvColumn, Converter>> = {
  amountInvolvedFen: (text, field) => toInteger(text, field, 'INVALID_AMOUNT', 'a whole number of fen'),
  fineFen: (text, field) => toInteger(text, field, 'INVALID_AMOUNT', 'a whole number of fen'),
  suspensionDays: (text, field) => toInteger(text, field, 'INVALID_VALUE', 'a whole number of days'),
  fineMultiple: toDecimal,
  selfReported: toBoolean,
};

/**
 * Turns one CSV record into the item validateEventItem expects, with the JSON types of the GraphQL input:
 * the validator is strict on types, so '1000' must become 1000 and 'yes' true. Cells are trimmed, and an
 * empty cell is left out (absent), as an omitted GraphQL field would be. `columns` is the `columns` of an
 * accepted checkEventCsvHeader result. Returns the first problem in column order.
 */
export function eventItemFromCsvRow(cells: string[], columns: string[]): EventCsvRowResult {
  assertColumns(columns);
  if (cells.length < columns.length) {
    const field = columns[cells.length];
    return { issue: rowIssue(field, 'MISSING_COLUMN', `is missing: the row has ${cells.length} cells, the header ${columns.length}`) };
  }
  if (cells.length > columns.length) {
    return { issue: { field: 'row', reason: 'INVALID_VALUE', message: 'has more cells than the header' } };
  }
  return convertCells(cells, columns);
}

function convertCells(cells: string[], columns: string[]): EventCsvRowResult {
  const item: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) {
    // Spreadsheets pad cells with spaces; trim() also removes the full-width space of Chinese input methods.
    const text = typeof cells[i] === 'string' ? cells[i].trim() : '';
    if (text === '') continue;
    const field = columns[i] as EventCsvColumn;
    const converted = CONVERTERS[field]?.(text, field) ?? { value: text };
    if ('issue' in converted) return converted;
    item[field] = converted.value;
  }
  // Required fields may still be absent here: reporting them is the validator's job, with its reason codes.
  return { item: item as unknown as RecordEventItem };
}

function toInteger(text: string, field: string, reason: EventCsvRowReason, what: string): Converted {
  const value = INTEGER_LITERAL.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(value)) return { value };
  return { issue: rowIssue(field, reason, `must be ${what} in plain digits (no minus sign, decimals, exponent or thousands separators)`) };
}

function toDecimal(text: string, field: string): Converted {
  const value = DECIMAL_LITERAL.test(text) ? Number(text) : NaN;
  if (Number.isFinite(value)) return { value };
  return { issue: rowIssue(field, 'INVALID_VALUE', 'must be a plain decimal number such as 1.5') };
}

function toBoolean(text: string, field: string): Converted {
  const value = BOOLEAN_WORDS.get(text.toLowerCase());
  if (value !== undefined) return { value };
  return { issue: rowIssue(field, 'INVALID_VALUE', 'must be true/false, 1/0, yes/no or 是/否') };
}

function rowIssue(field: string, reason: EventCsvRowReason, message: string): EventCsvRowIssue {
  return { field, reason, message: `${field}: ${message}` };
}

// Columns come from checkEventCsvHeader; anything else is a bug in the caller, not bad input, so fail loudly.
function assertColumns(columns: string[]): void {
  for (const column of columns) {
    if (!KNOWN_COLUMNS.has(column)) throw new RangeError('columns must be the columns of an accepted checkEventCsvHeader result');
  }
}
