import { checkEventCsvHeader, EVENT_CSV_COLUMNS } from './event-csv-header';

const MINIMAL = ['sourceSystem', 'sourceRef', 'creditCode', 'type', 'occurredOn', 'decidedOn'];
const RESIDENT_ID = '11010519491231002X';

describe('checkEventCsvHeader accepts', () => {
  it.each([
    ['the minimal header', MINIMAL, MINIMAL],
    ['every column', [...EVENT_CSV_COLUMNS], [...EVENT_CSV_COLUMNS]],
    ['columns in any order', [...MINIMAL].reverse(), [...MINIMAL].reverse()],
    ['subjectId as the key', ['subjectId', 'sourceSystem', 'sourceRef', 'type', 'occurredOn', 'decidedOn'], null],
    ['residentId as the key', ['residentId', 'sourceSystem', 'sourceRef', 'type', 'occurredOn', 'decidedOn'], null],
    ['all three keys (rows choose one)', [...MINIMAL, 'subjectId', 'residentId'], null],
    ['padded cells, trimmed', [' sourceSystem', 'sourceRef ', '\tcreditCode', 'type', 'occurredOn', 'decidedOn\u3000'], MINIMAL],
    ['a BOM left on the first cell', ['\uFEFFsourceSystem', ...MINIMAL.slice(1)], MINIMAL],
    ['a BOM and spaces on the first cell', ['\uFEFF sourceSystem ', ...MINIMAL.slice(1)], MINIMAL],
    ['two BOMs on the first cell', ['\uFEFF\uFEFFsourceSystem', ...MINIMAL.slice(1)], MINIMAL],
    ['a stray BOM on a later cell', [...MINIMAL.slice(0, 5), '\uFEFFdecidedOn'], MINIMAL],
  ])('%s', (_, header, columns) => {
    expect(checkEventCsvHeader(header)).toEqual({ ok: true, columns: columns ?? header });
  });
});

describe('checkEventCsvHeader refuses', () => {
  it.each([
    ['a typo', [...MINIMAL, 'fineFne'], 'UNKNOWN_COLUMN', ['fineFne']],
    ['a typo in a required name (reported as the typo)', ['sourceSystem', 'sourceRf', 'creditCode', 'type', 'occurredOn', 'decidedOn'], 'UNKNOWN_COLUMN', ['sourceRf']],
    ['another case', [...MINIMAL, 'FineFen'], 'UNKNOWN_COLUMN', ['FineFen']],
    ['snake case', [...MINIMAL, 'fine_fen'], 'UNKNOWN_COLUMN', ['fine_fen']],
    ['an empty header cell', [...MINIMAL, ''], 'UNKNOWN_COLUMN', ['column 7 (empty)']],
    ['a duplicate', [...MINIMAL, 'type'], 'DUPLICATE_COLUMN', ['type']],
    ['a duplicate after trimming', [...MINIMAL, ' fineFen', 'fineFen '], 'DUPLICATE_COLUMN', ['fineFen']],
    ['sourceRef missing', MINIMAL.filter((c) => c !== 'sourceRef'), 'MISSING_COLUMN', ['sourceRef']],
    ['two required columns missing', MINIMAL.filter((c) => c !== 'occurredOn' && c !== 'decidedOn'), 'MISSING_COLUMN', ['occurredOn', 'decidedOn']],
    ['no subject key', MINIMAL.filter((c) => c !== 'creditCode'), 'MISSING_COLUMN', ['subjectId', 'creditCode', 'residentId']],
    ['an empty header', [], 'MISSING_COLUMN', ['sourceSystem', 'sourceRef', 'type', 'occurredOn', 'decidedOn', 'subjectId', 'creditCode', 'residentId']],
  ])('%s', (_, header, reason, columns) => {
    expect(checkEventCsvHeader(header)).toEqual({ ok: false, reason, columns, message: expect.stringMatching(/\S/) });
  });

  it('names every missing column and the subject keys in the message', () => {
    const result = checkEventCsvHeader(['sourceSystem', 'type']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/sourceRef.*occurredOn.*decidedOn.*one of subjectId, creditCode, residentId/);
  });
});

describe('checkEventCsvHeader on a file without a header row', () => {
  // The first data row is read as the header: its cells are data and may be personal.
  const dataRow = ['TJ-CASE', 'R-0001', RESIDENT_ID, '张三', 'INTERVIEW', '2026-01-05', '2026-01-20', `X${RESIDENT_ID}`];

  it('refuses it without echoing any cell', () => {
    const result = checkEventCsvHeader(dataRow);
    expect(result).toMatchObject({ ok: false, reason: 'UNKNOWN_COLUMN' });
    const text = JSON.stringify(result);
    for (const cell of [RESIDENT_ID, '张三', '2026-01-05', 'TJ-CASE']) expect(text).not.toContain(cell);
    expect(text).not.toMatch(/[0-9]{17}[0-9X]/);
  });

  it('labels refused cells by position', () => {
    const result = checkEventCsvHeader(dataRow);
    expect(result.ok === false && result.columns).toEqual(['column 1', 'column 2', 'column 3', 'column 4', 'INTERVIEW', 'column 6', 'column 7', 'column 8']);
  });
});
