import { csvCell, toCsv, type CsvColumn } from './csv';

describe('CSV (RFC 4180 with a formula-injection guard)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    ['', ''],
  ])('quotes %j only when needed', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+48 600 000 000', "'+48 600 000 000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])('turns text a spreadsheet would evaluate (%j) into text', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers and booleans as they are (a negative number stays a number) and absent values as empty', () => {
    expect([csvCell(-3), csvCell(0), csvCell(true), csvCell(false), csvCell(null), csvCell(undefined)]).toEqual(['-3', '0', 'true', 'false', '', '']);
  });

  it('writes a header row, then one CRLF-terminated record per row', () => {
    const columns: CsvColumn<{ id: string; n?: number }>[] = [
      { header: 'id', description: 'id', value: (r) => r.id },
      { header: 'n', description: 'n', value: (r) => r.n },
    ];
    expect(toCsv(columns, [{ id: 'a', n: 1 }, { id: 'b,c' }])).toBe('id,n\r\na,1\r\n"b,c",\r\n');
    expect(toCsv(columns, [])).toBe('id,n\r\n');
  });
});

