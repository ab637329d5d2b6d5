import { parseCsv } from '../parse-csv';

const options = { delimiter: ',', header: true, columns: undefined };

describe('parseCsv', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('numbers rows by their first line with %s line ends and line breaks inside quotes', (_case, nl) => {
    const text = ['a,b', `1,"x${nl}y${nl}z"`, '2', '', `3,"p${nl}q"`, '4,5,6', '7,8'].join(nl) + nl;
    const parsed = parseCsv(text, options, 'utf-8');
    expect(parsed).toEqual({
      kind: 'rows',
      rows: [
        { line: 2, values: { a: '1', b: `x${nl}y${nl}z` } },
        { line: 7, values: { a: '3', b: `p${nl}q` } },
        { line: 10, values: { a: '7', b: '8' } },
      ],
      badRows: [
        { line: 5, reason: 'wrong number of fields: expected 2, got 1' },
        { line: 9, reason: 'wrong number of fields: expected 2, got 3' },
      ],
    });
  });

  it('reports a stray quote as a bad row, without quoting the data', () => {
    const parsed = parseCsv('a,b\n1,身份"证号\n3,4\n', options, 'utf-8');
    expect(parsed).toEqual({
      kind: 'rows',
      rows: [{ line: 3, values: { a: '3', b: '4' } }],
      badRows: [{ line: 2, reason: 'a quote appears inside an unquoted field' }],
    });
  });

  it('refuses a file whose quoted field never closes, since the rows after it are lost', () => {
    const parsed = parseCsv('a,b\n1,"身份证"号\n3,4\n5,6\n', options, 'utf-8');
    expect(parsed).toEqual({ kind: 'refused', reason: expect.stringMatching(/^a quoted field is never closed/) });
    expect(JSON.stringify(parsed)).not.toContain('身份证');
  });

  it('trims column names and refuses an unusable header', () => {
    expect(parseCsv(' a , b \n1,2\n', options, 'gbk')).toMatchObject({ rows: [{ values: { a: '1', b: '2' } }] });
    expect(parseCsv('a,,c\n', options, 'gbk')).toEqual({ kind: 'refused', reason: 'header column 2 has no name' });
    expect(parseCsv('a,__proto__\n', options, 'gbk')).toMatchObject({ kind: 'refused' });
    expect(parseCsv('a,\uFFFD\n', options, 'gbk')).toEqual({
      kind: 'refused',
      reason: 'the header is not valid gbk text (check the encoding option)',
    });
    expect(parseCsv('a,b\n', { ...options, columns: ['a', 'c', 'd'] }, 'gbk')).toEqual({
      kind: 'refused',
      reason: 'the header lacks columns "c", "d"',
    });
  });
});
