import { EVENT_CSV_COLUMNS } from './event-csv-header';
import { eventItemFromCsvRow } from './event-csv-row';

const RESIDENT_ID = '11010519491231002X';
const COLUMNS = ['sourceSystem', 'sourceRef', 'creditCode', 'type', 'occurredOn', 'decidedOn'];
const CELLS = ['TJ-CASE', 'R-0001', '91350100M000100Y43', 'PENALTY_ART39', '2026-01-05', '2026-01-20'];

/** The base row plus one more column. */
function convert(field: string, cell: string) {
  return eventItemFromCsvRow([...CELLS, cell], [...COLUMNS, field]);
}

describe('eventItemFromCsvRow converts', () => {
  it.each([
    ['amountInvolvedFen', '12345600', 12_345_600],
    ['amountInvolvedFen', '0', 0],
    ['amountInvolvedFen', '+500', 500],
    ['amountInvolvedFen', '007', 7],
    ['amountInvolvedFen', ' 100 ', 100],
    ['amountInvolvedFen', '9007199254740991', Number.MAX_SAFE_INTEGER],
    ['fineFen', '1000000', 1_000_000],
    ['suspensionDays', '180', 180],
    ['suspensionDays', '+1', 1],
    ['fineMultiple', '1.5', 1.5],
    ['fineMultiple', '2', 2],
    ['fineMultiple', '+1.1', 1.1],
    ['fineMultiple', '0.25', 0.25], // the validator, not the parser, decides the precision allowed
    ['selfReported', 'true', true],
    ['selfReported', 'TRUE', true],
    ['selfReported', 'True', true],
    ['selfReported', '1', true],
    ['selfReported', 'yes', true],
    ['selfReported', 'Yes', true],
    ['selfReported', '是', true],
    ['selfReported', 'false', false],
    ['selfReported', 'FALSE', false],
    ['selfReported', '0', false],
    ['selfReported', 'no', false],
    ['selfReported', 'NO', false],
    ['selfReported', '否', false],
    ['selfReported', ' yes\u3000', true],
    ['decisionNo', '津医保罚〔2024〕12号', '津医保罚〔2024〕12号'],
    ['decisionNo', '  津医保罚〔2024〕12号 ', '津医保罚〔2024〕12号'],
    ['status', 'UNDER_APPEAL', 'UNDER_APPEAL'],
    ['regionCode', '120000', '120000'], // a code stays text: leading zeros and length matter
    ['inspectionKind', 'flight', 'flight'], // enums are not re-cased: the validator refuses this
    ['responsibility', 'MAIN', 'MAIN'],
  ])('%s %p to %p', (field, cell, value) => {
    const result = convert(field, cell);
    expect(result).toEqual({ item: expect.objectContaining({ [field]: value }) });
  });

  it('keeps text cells as strings, trimmed', () => {
    const result = eventItemFromCsvRow([' TJ-CASE ', 'R-0001\u3000', ...CELLS.slice(2)], COLUMNS);
    expect(result).toEqual({
      item: {
        sourceSystem: 'TJ-CASE',
        sourceRef: 'R-0001',
        creditCode: '91350100M000100Y43',
        type: 'PENALTY_ART39',
        occurredOn: '2026-01-05',
        decidedOn: '2026-01-20',
      },
    });
  });

  it.each(EVENT_CSV_COLUMNS.map((c) => [c]))('leaves an empty %s absent', (field) => {
    for (const cell of ['', '   ', '\t', '\u3000']) {
      const columns = field === 'creditCode' ? COLUMNS.map((c) => (c === 'creditCode' ? 'subjectId' : c)) : COLUMNS;
      const cells = columns.map((c, i) => (c === field ? cell : CELLS[i]));
      const result = columns.includes(field) ? eventItemFromCsvRow(cells, columns) : eventItemFromCsvRow([...cells, cell], [...columns, field]);
      expect('item' in result && field in result.item).toBe(false);
    }
  });

  it('leaves required fields absent for the validator to report', () => {
    expect(eventItemFromCsvRow(['', '', '', '', '', ''], COLUMNS)).toEqual({ item: {} });
  });
});

describe('eventItemFromCsvRow rejects', () => {
  it.each([
    ['amountInvolvedFen', '-100', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '1.5', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '100.00', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '1e6', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '1,000', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '1 000', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '0x10', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '１００', 'INVALID_AMOUNT'], // full-width digits
    ['amountInvolvedFen', '100元', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '++1', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '+', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', 'Infinity', 'INVALID_AMOUNT'],
    ['amountInvolvedFen', '9007199254740992', 'INVALID_AMOUNT'], // beyond a safe integer
    ['fineFen', 'abc', 'INVALID_AMOUNT'],
    ['fineFen', '-0', 'INVALID_AMOUNT'],
    ['fineFen', '10000.5', 'INVALID_AMOUNT'],
    ['suspensionDays', '180.0', 'INVALID_VALUE'],
    ['suspensionDays', '-1', 'INVALID_VALUE'],
    ['suspensionDays', '6个月', 'INVALID_VALUE'],
    ['fineMultiple', '1,5', 'INVALID_VALUE'],
    ['fineMultiple', '1.', 'INVALID_VALUE'],
    ['fineMultiple', '.5', 'INVALID_VALUE'],
    ['fineMultiple', '1e0', 'INVALID_VALUE'],
    ['fineMultiple', '-2', 'INVALID_VALUE'],
    ['fineMultiple', '2倍', 'INVALID_VALUE'],
    ['fineMultiple', 'NaN', 'INVALID_VALUE'],
    ['selfReported', 'y', 'INVALID_VALUE'],
    ['selfReported', 'T', 'INVALID_VALUE'],
    ['selfReported', '2', 'INVALID_VALUE'],
    ['selfReported', '对', 'INVALID_VALUE'],
    ['selfReported', 'true false', 'INVALID_VALUE'],
  ])('%s %p with %s', (field, cell, reason) => {
    expect(convert(field, cell)).toEqual({ issue: { field, reason, message: expect.stringMatching(new RegExp(`^${field}: \\S`)) } });
  });

  it.each([
    [5, 'decidedOn'],
    [3, 'type'],
    [0, 'sourceSystem'],
  ])('a row of %i cells as MISSING_COLUMN of %s', (count, field) => {
    expect(eventItemFromCsvRow(CELLS.slice(0, count), COLUMNS)).toEqual({
      issue: { field, reason: 'MISSING_COLUMN', message: expect.stringContaining(`${count} cells`) },
    });
  });

  it('a row with more cells than the header', () => {
    expect(eventItemFromCsvRow([...CELLS, ''], COLUMNS)).toEqual({
      issue: { field: 'row', reason: 'INVALID_VALUE', message: 'has more cells than the header' },
    });
  });

  it('reports the first problem in column order', () => {
    const result = eventItemFromCsvRow([...CELLS, 'x', 'y'], [...COLUMNS, 'fineMultiple', 'fineFen']);
    expect(result).toMatchObject({ issue: { field: 'fineMultiple' } });
  });

  it('throws on columns that did not come from checkEventCsvHeader', () => {
    expect(() => eventItemFromCsvRow(CELLS, [...COLUMNS.slice(0, 5), 'decided_on'])).toThrow(RangeError);
  });
});

describe('eventItemFromCsvRow keeps cell values out of messages', () => {
  const convertible = ['amountInvolvedFen', 'fineFen', 'suspensionDays', 'fineMultiple', 'selfReported'];
  const values = [RESIDENT_ID, `${RESIDENT_ID}元`, `+${RESIDENT_ID}`, '张三', '110105194912310021.5'];

  it.each(convertible)('a value typed into %s is never echoed', (field) => {
    let rejected = 0;
    for (const value of values) {
      const result = convert(field, value);
      // A digit string is a valid decimal: fineMultiple takes it, and the validator's range check refuses it.
      if (!('issue' in result)) continue;
      rejected++;
      expect(result.issue.message).not.toContain(value);
      expect(result.issue.message).not.toContain('张三');
      expect(result.issue.message).not.toMatch(/[0-9]{17}[0-9Xx]/);
    }
    expect(rejected).toBeGreaterThanOrEqual(4);
  });
});
