import { parse } from 'csv-parse/sync';
import { CsvRecordLines } from './csv-record-lines';

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, raw: true } as const;

function startLines(text: string): Array<[string, number]> {
  const lines = new CsvRecordLines();
  return (parse(text, OPTIONS) as ParsedRecord[]).map((r) => [r.record[0], lines.startOf(r.raw)]);
}

// Physical lines: 1 header, 2 a, 3-4 b (quoted line break), 5 empty, 6 c, 7-9 d (two quoted breaks), 10 e.
const LINES = ['\uFEFFid,note', 'a,one', 'b,"two', 'lines"', '', 'c,three', 'd,"four', '', 'lines"', 'e,five'];
const EXPECTED: Array<[string, number]> = [
  ['id', 1],
  ['a', 2],
  ['b', 3],
  ['c', 6],
  ['d', 7],
  ['e', 10],
];

describe('CsvRecordLines', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('numbers the start line of each record in a %s file', (_, eol) => {
    expect(startLines(LINES.join(eol))).toEqual(EXPECTED);
    expect(startLines(LINES.join(eol) + eol + eol)).toEqual(EXPECTED);
  });

  it('counts empty lines before the header', () => {
    expect(startLines('\n\nid\nx\n')).toEqual([['id', 3], ['x', 4]]);
  });

  it('counts a CRLF inside a cell once in an LF file', () => {
    expect(startLines('id,note\na,"x\r\ny"\nb,z\n')).toEqual([['id', 1], ['a', 2], ['b', 4]]);
  });

  it('agrees with info.lines (the end line) in an LF file', () => {
    const lines = new CsvRecordLines();
    for (const r of parse(LINES.join('\n'), OPTIONS) as ParsedRecord[]) {
      const breaksInside = r.record.join(',').split('\n').length - 1;
      expect(lines.startOf(r.raw)).toBe(r.info.lines - breaksInside);
    }
  });

  it('stays right where info.lines drifts: a CRLF file with multi-line cells', () => {
    const records = parse(LINES.join('\r\n'), OPTIONS) as ParsedRecord[];
    // csv-parse 5 counts a quoted CRLF as two lines, so record e (line 10) reports a later line.
    expect(records[5].info.lines).toBeGreaterThan(10);
    expect(startLines(LINES.join('\r\n'))[5]).toEqual(['e', 10]);
  });

  it('refuses a record parsed without raw: true', () => {
    expect(() => new CsvRecordLines().startOf(undefined as unknown as string)).toThrow(TypeError);
  });
});
