import { maskResidentIdsIn } from '@app/credit';

/** One rejected record of an events CSV, as the import reports it. */
export interface RejectedRow {
  /** Physical line of the source file where the record starts; the header is line 1. */
  line: number;
  /** As found in the row (possibly absent or invalid): they let the operator find the case. */
  sourceSystem?: string | null;
  sourceRef?: string | null;
  field: string;
  reason: string;
  message: string;
}

/** The report's header record, without a line terminator. */
export const REJECTED_ROWS_HEADER = 'line,sourceSystem,sourceRef,field,reason,message';

// The validator's limit for sourceRef (the longer of the two): a longer value is an error, not a reference.
const MAX_ECHOED_LENGTH = 128;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One record of the report, without a line terminator (write `REJECTED_ROWS_HEADER + '\n'`, then each
 * `formatRejectedRow(r) + '\n'`). Quoting follows RFC 4180, so values with commas, quotes or line breaks
 * read back intact. The report outlives the import and travels further than the source file, so every
 * text is masked for resident-ID-shaped strings: a misplaced ID must not leak through it.
 */
export function formatRejectedRow(r: RejectedRow): string {
  return [
    String(r.line),
    csvField(echo(r.sourceSystem)),
    csvField(echo(r.sourceRef)),
    csvField(maskResidentIdsIn(r.field)),
    csvField(maskResidentIdsIn(r.reason)),
    csvField(maskResidentIdsIn(r.message)),
  ].join(',');
}

/** Case references are echoed, but bounded, and masked before and after the cut (see below). */
function echo(value: string | null | undefined): string {
  if (typeof value !== 'string') return '';
  const masked = Array.from(maskResidentIdsIn(value.trim()));
  // Masking first keeps an ID that straddles the cut from leaving its first digits in clear. Masking again
  // catches the opposite case: the cut turns a longer number (not an ID, so left alone) into an ID shape.
  return maskResidentIdsIn(masked.slice(0, MAX_ECHOED_LENGTH).join(''));
}

function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
