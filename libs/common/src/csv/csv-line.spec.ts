import { csvCell, csvLine } from './csv-line';

describe('csvLine: RFC 4180 and safe in a spreadsheet', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 10', "'+86 10"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['北京协和医院', '北京协和医院'],
    [null, ''],
    [undefined, ''],
    [12, '12'],
  ])('%j → %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('joins cells with commas and ends the line with CRLF', () => {
    expect(csvLine(['a', null, '=x', 'b,c'])).toBe(`a,,'=x,"b,c"\r\n`);
  });
});
