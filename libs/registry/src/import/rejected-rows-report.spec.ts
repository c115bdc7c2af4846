import { parse } from 'csv-parse/sync';
import { formatRejectedRow, REJECTED_ROWS_HEADER, RejectedRow } from './rejected-rows-report';

const RESIDENT_ID = '11010519491231002X';
const ID_SHAPE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
const row = (extra: Partial<RejectedRow> = {}): RejectedRow => ({
  line: 7,
  sourceSystem: 'TJ-CASE',
  sourceRef: 'R-0001',
  field: 'fineFen',
  reason: 'INVALID_AMOUNT',
  message: 'fineFen: must be a non-negative whole number of fen',
  ...extra,
});

/** Reads a report line back as a CSV reader would. */
function readBack(line: string): string[] {
  return parse(`${REJECTED_ROWS_HEADER}\n${line}\n`, { from_line: 2 })[0];
}

describe('REJECTED_ROWS_HEADER', () => {
  it('names the columns in order', () => {
    expect(parse(REJECTED_ROWS_HEADER)[0]).toEqual(['line', 'sourceSystem', 'sourceRef', 'field', 'reason', 'message']);
  });
});

describe('formatRejectedRow', () => {
  it('writes a plain row unquoted', () => {
    expect(formatRejectedRow(row())).toBe('7,TJ-CASE,R-0001,fineFen,INVALID_AMOUNT,fineFen: must be a non-negative whole number of fen');
  });

  it.each([
    ['a comma', 'R-1,2', '"R-1,2"'],
    ['a quote', 'R "A"', '"R ""A"""'],
    ['only a quote', '"', '""""'],
    ['a line feed', 'R\n1', '"R\n1"'],
    ['a carriage return', 'R\r1', '"R\r1"'],
    ['CRLF', 'R\r\n1', '"R\r\n1"'],
    ['spaces inside (kept, not quoted)', 'R 1', 'R 1'],
    ['Chinese text', '津医保罚〔2024〕12号', '津医保罚〔2024〕12号'],
  ])('quotes a sourceRef with %s', (_, sourceRef, written) => {
    const line = formatRejectedRow(row({ sourceRef }));
    expect(line).toBe(`7,TJ-CASE,${written},fineFen,INVALID_AMOUNT,fineFen: must be a non-negative whole number of fen`);
    expect(readBack(line)[2]).toBe(sourceRef);
  });

  it('quotes every column that needs it and reads back intact', () => {
    const r = row({ sourceSystem: 'A,"B"', sourceRef: 'x\ny', field: 'row', reason: 'INVALID_VALUE', message: 'a, "quoted" message' });
    expect(readBack(formatRejectedRow(r))).toEqual(['7', 'A,"B"', 'x\ny', 'row', 'INVALID_VALUE', 'a, "quoted" message']);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
  ])('writes an empty cell for a %s reference', (_, value) => {
    expect(formatRejectedRow(row({ sourceSystem: value, sourceRef: value }))).toMatch(/^7,,,fineFen,/);
  });

  it('trims the references', () => {
    expect(readBack(formatRejectedRow(row({ sourceSystem: ' TJ ', sourceRef: 'R-1\u3000' }))).slice(1, 3)).toEqual(['TJ', 'R-1']);
  });

  it.each([
    ['ASCII', 'r'.repeat(200), 'r'.repeat(128)],
    ['Chinese', '号'.repeat(129), '号'.repeat(128)],
    ['astral characters (not split in half)', '𠀀'.repeat(130), '𠀀'.repeat(128)],
    ['exactly 128', 's'.repeat(128), 's'.repeat(128)],
  ])('cuts a %s reference to 128 characters', (_, sourceRef, kept) => {
    expect(readBack(formatRejectedRow(row({ sourceRef, sourceSystem: sourceRef })))).toEqual(['7', kept, kept, 'fineFen', 'INVALID_AMOUNT', expect.any(String)]);
  });
});

describe('formatRejectedRow masks resident IDs', () => {
  it.each([
    ['the whole reference', RESIDENT_ID, '110105********002X'],
    ['a lower-case x', '11010519491231002x', '110105********002X'],
    ['inside a reference', `CASE-${RESIDENT_ID}-2`, 'CASE-110105********002X-2'],
    ['glued to letters', `R${RESIDENT_ID}A`, 'R110105********002XA'],
    ['two of them', `${RESIDENT_ID}/440524188001010014`, '110105********002X/440524********0014'],
  ])('in sourceRef: %s', (_, sourceRef, masked) => {
    const line = formatRejectedRow(row({ sourceRef }));
    expect(readBack(line)[2]).toBe(masked);
    expect(line).not.toMatch(ID_SHAPE);
  });

  it('in sourceSystem, field, reason and message too', () => {
    const line = formatRejectedRow({ line: 2, sourceSystem: RESIDENT_ID, sourceRef: 'R', field: RESIDENT_ID, reason: RESIDENT_ID, message: `bad ${RESIDENT_ID}` });
    expect(line).not.toContain('1949123100');
    expect(line).not.toMatch(ID_SHAPE);
  });

  it('on an ID that straddles the 128-character cut', () => {
    const line = formatRejectedRow(row({ sourceRef: `${'r'.repeat(120)}${RESIDENT_ID}` }));
    expect(readBack(line)[2]).toBe(`${'r'.repeat(120)}110105**`);
  });

  it('on an ID shape that the cut makes out of a longer number', () => {
    // 19 digits are not an ID, but the first 18 of them, once cut, look like one.
    const line = formatRejectedRow(row({ sourceRef: `${'r'.repeat(110)}1101051949123100201` }));
    expect(readBack(line)[2]).toBe(`${'r'.repeat(110)}110105********0020`);
  });

  it('leaves longer numbers (not IDs) alone', () => {
    expect(readBack(formatRejectedRow(row({ sourceRef: 'ORDER-1101051949123100201234' })))[2]).toBe('ORDER-1101051949123100201234');
  });
});
