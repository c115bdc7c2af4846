import { containsResidentIdPattern } from '@app/credit';
import { EVENT_CONTENT_FIELDS } from '../events/event-fields';

/**
 * The header vocabulary of an events CSV: exactly the input fields of the GraphQL RecordEventInput
 * (api-contract.md, recordEvents), so that one file format serves the API and the import.
 */
export const EVENT_CSV_COLUMNS = [
  'sourceSystem',
  'sourceRef',
  'subjectId',
  'creditCode',
  'residentId',
  ...EVENT_CONTENT_FIELDS,
] as const;

export type EventCsvColumn = (typeof EVENT_CSV_COLUMNS)[number];

export type EventCsvHeaderReason = 'MISSING_COLUMN' | 'UNKNOWN_COLUMN' | 'DUPLICATE_COLUMN';

export type EventCsvHeaderResult =
  | { ok: true; columns: string[] }
  | { ok: false; reason: EventCsvHeaderReason; columns: string[]; message: string };

const KNOWN: ReadonlySet<string> = new Set(EVENT_CSV_COLUMNS);
const REQUIRED: readonly EventCsvColumn[] = ['sourceSystem', 'sourceRef', 'type', 'occurredOn', 'decidedOn'];
// The subject is named by any one of these; the validator checks that a row fills exactly one.
const SUBJECT_KEYS: readonly EventCsvColumn[] = ['subjectId', 'creditCode', 'residentId'];
// A refused name is echoed only when it could be a misspelt field name. A file without a header row makes
// its first data row the header, and those cells may be personal data (a name, a resident ID).
const ECHOABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * Checks the header row before any data row is read, so that a file with a misspelt or missing column is
 * refused as a whole instead of producing one rejection (or, worse, silently absent values) per row.
 * Unknown names are checked first: a typo in a required name is then reported as the typo, not as a gap.
 */
export function checkEventCsvHeader(header: string[]): EventCsvHeaderResult {
  const columns = header.map(cleanHeaderCell);
  const unknown = columns.flatMap((name, index) => (KNOWN.has(name) ? [] : [unknownLabel(name, index)]));
  if (unknown.length > 0) {
    const expected = `expected names from ${EVENT_CSV_COLUMNS.join(', ')}`;
    return refuse('UNKNOWN_COLUMN', unknown, `unknown columns: ${unknown.join(', ')}; ${expected}`);
  }
  const duplicates = columns.filter((name, index) => columns.indexOf(name) !== index);
  if (duplicates.length > 0) {
    const unique = [...new Set(duplicates)];
    return refuse('DUPLICATE_COLUMN', unique, `columns given more than once: ${listNames(unique)}`);
  }
  return checkRequired(columns);
}

function checkRequired(columns: string[]): EventCsvHeaderResult {
  const missing: string[] = REQUIRED.filter((name) => !columns.includes(name));
  const hasSubjectKey = SUBJECT_KEYS.some((name) => columns.includes(name));
  if (missing.length === 0 && hasSubjectKey) return { ok: true, columns };
  const parts = missing.length > 0 ? [`missing columns: ${listNames(missing)}`] : [];
  if (!hasSubjectKey) parts.push(`at least one of ${listNames(SUBJECT_KEYS)} is required`);
  return refuse('MISSING_COLUMN', hasSubjectKey ? missing : [...missing, ...SUBJECT_KEYS], parts.join('; '));
}

function cleanHeaderCell(cell: string): string {
  // csv-parse strips the BOM with `bom: true`, but a file re-saved by an editor can carry another one.
  // trim() removes U+FEFF with the other white space (ECMAScript counts it as white space).
  return typeof cell === 'string' ? cell.trim() : '';
}

/** The name itself when it is shaped like a field name, else its 1-based position: never a data value. */
function unknownLabel(name: string, index: number): string {
  if (ECHOABLE_NAME.test(name) && !containsResidentIdPattern(name)) return name;
  return `column ${index + 1}${name === '' ? ' (empty)' : ''}`;
}

function listNames(names: readonly string[]): string {
  return names.join(', ');
}

function refuse(reason: EventCsvHeaderReason, columns: string[], message: string): EventCsvHeaderResult {
  return { ok: false, reason, columns, message };
}
