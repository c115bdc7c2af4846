import { RecordEventItem, validateEventItem } from '@app/credit';
import { parse } from 'csv-parse/sync';
import { checkEventCsvHeader } from './event-csv-header';
import { CsvRecordLines } from './csv-record-lines';
import { eventItemFromCsvRow } from './event-csv-row';
import { formatRejectedRow, REJECTED_ROWS_HEADER, RejectedRow } from './rejected-rows-report';

// End to end through the pure parts, the way import:events uses them: parse, check the header, convert and
// validate each row, report the rejected ones with their line numbers.

const today = '2026-03-01';
const RESIDENT_ID = '11010519491231002X';
const ID_SHAPE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
const PARSE_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, raw: true } as const;

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

interface ImportResult {
  accepted: Array<{ line: number; item: RecordEventItem }>;
  rejected: RejectedRow[];
  report: string;
}

function importCsv(text: string, options: object = PARSE_OPTIONS): ImportResult {
  const lines = new CsvRecordLines();
  const [header, ...rows] = (parse(text, options) as ParsedRecord[]).map((r) => ({ cells: r.record, line: lines.startOf(r.raw) }));
  const checked = checkEventCsvHeader(header.cells);
  if (!checked.ok) throw new Error(checked.message);
  const result: ImportResult = { accepted: [], rejected: [], report: '' };
  for (const { cells, line } of rows) {
    const converted = eventItemFromCsvRow(cells, checked.columns);
    const problem = 'issue' in converted ? converted.issue : validateEventItem(converted.item, { today });
    if (problem === null && 'item' in converted) result.accepted.push({ line, item: converted.item });
    else if (problem) result.rejected.push({ line, ...references(cells, checked.columns), ...problem });
  }
  // import:events writes a report only when it rejects a row
  if (result.rejected.length > 0) result.report = [REJECTED_ROWS_HEADER, ...result.rejected.map(formatRejectedRow)].map((l) => `${l}\n`).join('');
  return result;
}

function references(cells: string[], columns: string[]): Pick<RejectedRow, 'sourceSystem' | 'sourceRef'> {
  return { sourceSystem: cells[columns.indexOf('sourceSystem')], sourceRef: cells[columns.indexOf('sourceRef')] };
}

const HEADER =
  'sourceSystem,sourceRef,creditCode,residentId,type,status,legalBasis,decisionNo,authority,regionCode,occurredOn,decidedOn,' +
  'amountInvolvedFen,fineFen,fineMultiple,suspensionDays,responsibility,selfReported,inspectionKind,assessmentResult';

// A realistic export: quoted texts with commas and quotes, a multi-line cell, blank cells, a blank line.
const GOOD_ROWS = [
  'TJ-CASE,2024-0001,91350100M000100Y43,,PENALTY_ART39,,"《医疗保障基金使用监督管理条例》第三十九条, 第一项",津医保罚〔2024〕12号,天津市医疗保障局,120000,2024-03-01,2024-04-15,,1000000,,,,否,FLIGHT,',
  'TJ-CASE,2024-0002,12100000400000624D,,PENALTY_ART38,FINAL,条例第三十八条,"津医保罚〔2024〕13号",天津市医疗保障局,120101,2024-03-02,2024-05-01,5000000,7500000,1.5,,,yes,ROUTINE,',
  'TJ-CASE,2024-0003,914403001922038216,,AGREEMENT_SUSPENDED,UNDER_APPEAL,,,"天津市""医保""中心",,2024-04-01,2024-04-20,,,,180,,0,,',
  'TJ-CASE,2024-0004,,11010519491231002x,INTERVIEW,PROPOSED,,,,,2025-01-05,2025-01-05,,,,,MAIN,,,',
  'TJ-CASE,2024-0005,,11010519491231002X,INSURED_VIOLATION,,,,,,2025-02-01,2025-02-10,800000,,,,,FALSE,REPORT,',
  'TJ-CASE,2024-0006,91350100M000100Y43,,ANNUAL_ASSESSMENT,,,,,,2025-12-31,2026-01-15,,0,,,,,,EXCELLENT',
  'HB-AUDIT ,  R-7 ,91350100M000100Y43,,PAYMENT_DENIED,,,,,,2025-06-01,2025-06-30,12345600,,,,,是,CROSS,',
];

function buildFile(eol: string): string {
  // Row 2024-0003 is followed by a blank line; the header starts with a BOM, as Excel writes it.
  return ['\uFEFF' + HEADER, ...GOOD_ROWS.slice(0, 3), '', ...GOOD_ROWS.slice(3)].join(eol) + eol;
}

describe('import round trip of valid rows', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('accepts every row of a %s file with the validator', (_, eol) => {
    const result = importCsv(buildFile(eol));
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((a) => a.line)).toEqual([2, 3, 4, 6, 7, 8, 9]);
  });

  it('gives the validator JSON types', () => {
    const [art39, art38, suspended, , insured, assessment, denied] = importCsv(buildFile('\n')).accepted.map((a) => a.item);
    expect(art39).toMatchObject({ fineFen: 1_000_000, selfReported: false, legalBasis: '《医疗保障基金使用监督管理条例》第三十九条, 第一项' });
    expect(art39).not.toHaveProperty('amountInvolvedFen');
    expect(art39).not.toHaveProperty('residentId');
    expect(art38).toMatchObject({ amountInvolvedFen: 5_000_000, fineFen: 7_500_000, fineMultiple: 1.5, selfReported: true, status: 'FINAL' });
    expect(suspended).toMatchObject({ suspensionDays: 180, selfReported: false, authority: '天津市"医保"中心' });
    expect(insured).toMatchObject({ amountInvolvedFen: 800_000, selfReported: false, inspectionKind: 'REPORT' });
    expect(assessment).toMatchObject({ fineFen: 0, assessmentResult: 'EXCELLENT' });
    expect(denied).toMatchObject({ sourceSystem: 'HB-AUDIT', sourceRef: 'R-7', amountInvolvedFen: 12_345_600, selfReported: true });
  });

  it('reads the header when the parser leaves the BOM in place', () => {
    const withoutBomOption = { ...PARSE_OPTIONS, bom: false };
    expect(importCsv(buildFile('\n'), withoutBomOption).accepted).toHaveLength(GOOD_ROWS.length);
  });

  it('writes no report when nothing is rejected', () => {
    expect(importCsv(buildFile('\n')).report).toBe('');
  });
});

describe('import of bad rows', () => {
  const MINIMAL_HEADER = 'sourceSystem,sourceRef,creditCode,type,occurredOn,decidedOn,fineFen,suspensionDays,fineMultiple,selfReported';
  const file = [
    MINIMAL_HEADER,
    'TJ,ok-1,91350100M000100Y43,PENALTY_ART39,2024-03-01,2024-04-15,1000000,,,', // line 2: fine
    'TJ,bad-amount,91350100M000100Y43,PENALTY_ART39,2024-03-01,2024-04-15,"10,000.00",,,', // line 3
    'TJ,short-row,91350100M000100Y43,PENALTY_ART39,2024-03-01', // line 4
    'TJ,long-row,91350100M000100Y43,INTERVIEW,2024-03-01,2024-04-15,,,,,extra', // line 5
    '', // line 6
    'TJ,"multi', // line 7: a quoted line break in sourceRef
    'line",91350100M000100Y43,AGREEMENT_SUSPENDED,2024-03-01,2024-04-15,,half a year,,', // line 8
    'TJ,bad-flag,91350100M000100Y43,INTERVIEW,2024-03-01,2024-04-15,,,,maybe', // line 9
    'TJ,bad-code,91350100M000100Y44,INTERVIEW,2024-03-01,2024-04-15,,,,', // line 10: validator
    'TJ,future,91350100M000100Y43,INTERVIEW,2024-03-01,2027-01-01,,,,', // line 11: validator
    'TJ,"a,""b""",91350100M000100Y43,NO_SUCH_TYPE,2024-03-01,2024-04-15,,,,', // line 12: validator
    'TJ,bad-multiple,91350100M000100Y43,PENALTY_ART40,2024-03-01,2024-04-15,,,2倍,', // line 13
    ',,,,,,,,,', // line 14: all blank (a spreadsheet's formatted empty row)
    'TJ,ok-2,91350100M000100Y43,INTERVIEW,2024-03-01,2024-04-15,0,,,no', // line 15: fine
  ].join('\r\n');

  const result = importCsv(file);

  it('accepts the good rows', () => {
    expect(result.accepted.map((a) => [a.line, a.item.sourceRef])).toEqual([
      [2, 'ok-1'],
      [15, 'ok-2'],
    ]);
  });

  it.each([
    [3, 'bad-amount', 'fineFen', 'INVALID_AMOUNT'],
    [4, 'short-row', 'decidedOn', 'MISSING_COLUMN'],
    [5, 'long-row', 'row', 'INVALID_VALUE'],
    [7, 'multi\r\nline', 'suspensionDays', 'INVALID_VALUE'],
    [9, 'bad-flag', 'selfReported', 'INVALID_VALUE'],
    [10, 'bad-code', 'creditCode', 'INVALID_CREDIT_CODE'],
    [11, 'future', 'decidedOn', 'INVALID_DATE'],
    [12, 'a,"b"', 'type', 'UNKNOWN_EVENT_TYPE'],
    [13, 'bad-multiple', 'fineMultiple', 'INVALID_VALUE'],
    [14, undefined, 'sourceSystem', 'MISSING_FIELD'],
  ])('rejects line %i (%s) on %s with %s', (line, sourceRef, field, reason) => {
    expect(result.rejected).toContainEqual(expect.objectContaining({ line, field, reason, sourceRef: sourceRef ?? '' }));
  });

  it('rejects nothing else', () => {
    expect(result.rejected).toHaveLength(10);
  });

  it('writes a report that reads back as one record per rejected row', () => {
    const records = parse(result.report, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => [r.line, r.sourceRef, r.field, r.reason])).toEqual(
      result.rejected.map((r) => [String(r.line), r.sourceRef ?? '', r.field, r.reason]),
    );
    expect(records[0]).toEqual({
      line: '3',
      sourceSystem: 'TJ',
      sourceRef: 'bad-amount',
      field: 'fineFen',
      reason: 'INVALID_AMOUNT',
      message: expect.stringMatching(/^fineFen: /),
    });
  });

  it('quotes the report where needed', () => {
    expect(result.report).toContain('\n7,TJ,"multi\r\nline",suspensionDays,INVALID_VALUE,');
    expect(result.report).toContain('\n12,TJ,"a,""b""",type,UNKNOWN_EVENT_TYPE,');
  });
});

describe('import keeps resident IDs out of the report', () => {
  const header = 'sourceSystem,sourceRef,creditCode,residentId,type,occurredOn,decidedOn,fineFen,suspensionDays,fineMultiple,selfReported,decisionNo,regionCode,status';
  const columns = header.split(',');
  const good = ['TJ', 'R-1', '91350100M000100Y43', '', 'PENALTY_ART39', '2024-03-01', '2024-04-15', '1000000', '', '', '', '', '', ''];

  /** The good row with the resident ID typed into one column, and sourceRef set. */
  function rowWithId(column: string, sourceRef: string): string {
    return good.map((cell, i) => (columns[i] === column ? RESIDENT_ID : columns[i] === 'sourceRef' ? sourceRef : cell)).join(',');
  }

  it('masks an ID put in sourceRef of a rejected row', () => {
    const result = importCsv([header, rowWithId('fineFen', RESIDENT_ID)].join('\n'));
    expect(result.rejected).toHaveLength(1);
    expect(result.report).not.toContain(RESIDENT_ID);
    expect(result.report).not.toMatch(ID_SHAPE);
    expect(result.report).toContain(',110105********002X,fineFen,INVALID_AMOUNT,');
  });

  it.each(columns.filter((c) => c !== 'sourceRef'))('never shows an ID typed into %s', (column) => {
    const sourceRef = `CASE-${RESIDENT_ID}`;
    const result = importCsv([header, rowWithId(column, sourceRef)].join('\n'));
    // An ID in sourceSystem is only text to the validator; every other column refuses it.
    if (column !== 'sourceSystem') expect(result.rejected).toHaveLength(1);
    for (const r of result.rejected) expect(r.message).not.toMatch(ID_SHAPE);
    expect(result.report).not.toContain(RESIDENT_ID);
    expect(result.report).not.toMatch(ID_SHAPE);
  });
});
