import iconv from 'iconv-lite';
import type { FileEncoding, FixedWidthFormat } from '../config';
import { parseFixedWidth } from '../parse-fixed-width';

/** 证件号码 bytes 1–18, 姓名 19–28 (5 GBK characters), 办件状态 29–30. */
const format: FixedWidthFormat = {
  kind: 'fixed-width',
  columns: [
    { name: '证件号码', start: 1, length: 18 },
    { name: '姓名', start: 19, length: 10 },
    { name: '状态', start: 29, length: 2 },
  ],
  trim: true,
  skipLines: 1,
};

/** Pads `text` with spaces to `bytes` bytes in `encoding`. */
function field(text: string, bytes: number, encoding: FileEncoding): Buffer {
  const encoded = iconv.encode(text, encoding);
  if (encoded.length > bytes) throw new Error(`${text} is longer than ${bytes} bytes`);
  return Buffer.concat([encoded, Buffer.alloc(bytes - encoded.length, 0x20)]);
}

function record(id: string, name: string, status: string, encoding: FileEncoding, nameBytes = 10): Buffer {
  return Buffer.concat([field(id, 18, encoding), field(name, nameBytes, encoding), field(status, 2, encoding)]);
}

function file(lines: Buffer[], eol = '\r\n'): Buffer {
  return Buffer.concat(lines.flatMap((line) => [line, Buffer.from(eol)]));
}

describe('parseFixedWidth', () => {
  it('cuts GBK records by byte positions and decodes each column (2 bytes per Chinese character)', () => {
    const bytes = file([
      iconv.encode('证件号码          姓名      状态', 'gbk'),
      record('110101198001013326', '张伟', '01', 'gbk'),
      record('31010419920315971X', '欧阳娜娜', '02', 'gbk'),
      record('440305200107201555', '王芳', '01', 'gbk'),
    ]);
    expect(parseFixedWidth(bytes, format, 'gbk')).toEqual({
      kind: 'rows',
      rows: [
        { line: 2, values: { 证件号码: '110101198001013326', 姓名: '张伟', 状态: '01' } },
        { line: 3, values: { 证件号码: '31010419920315971X', 姓名: '欧阳娜娜', 状态: '02' } },
        { line: 4, values: { 证件号码: '440305200107201555', 姓名: '王芳', 状态: '01' } },
      ],
      badRows: [],
    });
  });

  it('reports a short line and a column that splits a character as bad rows, and skips empty lines', () => {
    const shifted = Buffer.concat([field('11010119800101332', 17, 'gbk'), field('李娜娜娜娜', 10, 'gbk'), field('011', 3, 'gbk')]);
    const bytes = file(
      [
        Buffer.from('header'),
        record('110101198001013326', '张伟', '01', 'gbk'),
        Buffer.concat([field('330106197511114053', 18, 'gbk'), iconv.encode('刘洋', 'gbk')]),
        Buffer.alloc(0),
        shifted,
        record('510107198808086676', '陈静', '03', 'gbk'),
      ],
      '\n',
    );
    const parsed = parseFixedWidth(bytes, format, 'gbk');
    expect(parsed).toEqual({
      kind: 'rows',
      rows: [
        { line: 2, values: { 证件号码: '110101198001013326', 姓名: '张伟', 状态: '01' } },
        { line: 6, values: { 证件号码: '510107198808086676', 姓名: '陈静', 状态: '03' } },
      ],
      badRows: [
        { line: 3, reason: 'the line has 22 bytes, fewer than the 30 the columns need' },
        { line: 5, reason: 'column "证件号码" (bytes 1–18) cuts a multi-byte gbk character in two' },
      ],
    });
    expect(JSON.stringify(parsed)).not.toContain('刘洋');
  });

  it('counts 4 bytes for a GB18030 supplementary character and removes its BOM', () => {
    const bytes = Buffer.concat([
      Buffer.from([0x84, 0x31, 0x95, 0x33]),
      file([Buffer.from('header'), record('110101198001013326', '𠀀䶮明', '01', 'gb18030'), record('110101198001013327', '𠀀𠀀明', '02', 'gb18030')]),
    ]);
    expect(iconv.encode('𠀀䶮明', 'gb18030')).toHaveLength(8);
    expect(parseFixedWidth(bytes, format, 'gb18030')).toEqual({
      kind: 'rows',
      rows: [
        { line: 2, values: { 证件号码: '110101198001013326', 姓名: '𠀀䶮明', 状态: '01' } },
        { line: 3, values: { 证件号码: '110101198001013327', 姓名: '𠀀𠀀明', 状态: '02' } },
      ],
      badRows: [],
    });
    // Cut at 19–27: line 2 ends on padding (𠀀 4 + 䶮 2 + 明 2 bytes), line 3 inside 明 (𠀀 4 + 𠀀 4, then 明).
    const narrow: FixedWidthFormat = { ...format, columns: [{ name: '姓名', start: 19, length: 9 }] };
    expect(parseFixedWidth(bytes, narrow, 'gb18030')).toMatchObject({
      rows: [{ line: 2, values: { 姓名: '𠀀䶮明' } }],
      badRows: [{ line: 3, reason: 'column "姓名" (bytes 19–27) cuts a multi-byte gb18030 character in two' }],
    });
  });

  it('counts 3 bytes per Chinese character in UTF-8, after a BOM, and keeps padding when trim is off', () => {
    const utf8: FixedWidthFormat = { ...format, columns: [{ name: '证件号码', start: 1, length: 18 }, { name: '姓名', start: 19, length: 12 }], trim: false };
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      file([Buffer.from('header'), Buffer.concat([field('110101198001013326', 18, 'utf-8'), field('张伟', 12, 'utf-8')])]),
    ]);
    expect(parseFixedWidth(bytes, utf8, 'utf-8')).toEqual({
      kind: 'rows',
      rows: [{ line: 2, values: { 证件号码: '110101198001013326', 姓名: '张伟      ' } }],
      badRows: [],
    });
    const split = Buffer.concat([field('11010119800101332', 17, 'utf-8'), field('张伟', 13, 'utf-8')]);
    expect(parseFixedWidth(file([Buffer.from('h'), split]), utf8, 'utf-8')).toMatchObject({
      badRows: [{ line: 2, reason: 'column "证件号码" (bytes 1–18) cuts a multi-byte utf-8 character in two' }],
    });
  });

  it('refuses an empty file and one with fewer lines than skipLines', () => {
    expect(parseFixedWidth(Buffer.alloc(0), format, 'gbk')).toEqual({ kind: 'refused', reason: 'the file is empty' });
    expect(parseFixedWidth(Buffer.from('title\r\nheader\r\n'), { ...format, skipLines: 3 }, 'gbk')).toEqual({
      kind: 'refused',
      reason: 'the file has 2 lines, fewer than the 3 lines to skip',
    });
  });
});
