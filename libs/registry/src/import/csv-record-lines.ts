// A line break as a reader counts it: CRLF, LF or a lone CR, whichever the file (or one quoted cell) uses.
const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_LINE_BREAKS = /^(?:\r\n|\r|\n)*/;

/**
 * Tells the physical line where each record of a csv-parse stream starts (the header is line 1), for the
 * rejected-rows report. Feed it every record in order, header included, with the `raw` text that csv-parse
 * gives under `raw: true`.
 *
 * Why not csv-parse's `info.lines`: it is the line where the record *ends*, and it counts a CRLF inside a
 * quoted cell as two lines, so in a Windows file every multi-line cell shifts all later numbers. `raw` holds
 * every character consumed for the record, including the empty lines skipped before it (`skip_empty_lines`),
 * which is all that is needed to count lines exactly.
 */
export class CsvRecordLines {
  private linesBefore = 0;

  /** The 1-based line where this record starts; call once per record, header first. */
  startOf(raw: string): number {
    if (typeof raw !== 'string') throw new TypeError('raw must be the record text: parse with { raw: true }');
    const skipped = countLineBreaks(LEADING_LINE_BREAKS.exec(raw)?.[0] ?? '');
    const start = this.linesBefore + skipped + 1;
    this.linesBefore += countLineBreaks(raw);
    return start;
  }
}

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}
