/**
 * Raw bytes of a fixed-width export → rows keyed by column name.
 *
 * Legacy systems write fixed-width records with positions counted in bytes
 * of the file's encoding (a GBK Chinese character takes 2 bytes, a GB18030
 * supplementary one 4, a UTF-8 one 3), so the file is never decoded as a
 * whole: it is split into lines on LF (a CR before it is dropped; neither
 * byte occurs inside a multi-byte character in these encodings), each column
 * is cut out of the line's bytes and decoded on its own with iconv-lite.
 *
 * A line shorter than the columns need, or a column whose range cuts a
 * multi-byte character in two, is a bad row; an empty line is skipped. Bytes
 * the encoding cannot decode come out as U+FFFD, which `mapRows` reports as
 * a bad row. Reasons never contain the line's contents.
 */
import iconv from 'iconv-lite';
import type { FileEncoding, FixedWidthFormat } from './config';
import type { CsvRow, FileBadRow, ParsedCsv } from './parse-csv';

const LF = 0x0a;
const CR = 0x0d;

/** Byte order marks iconv-lite would keep or that count as bytes of line 1. */
const BOMS: Record<FileEncoding, readonly number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  gb18030: [0x84, 0x31, 0x95, 0x33],
  gbk: [],
};

/** Parses a whole fixed-width file. @internal */
export function parseFixedWidth(bytes: Buffer, format: FixedWidthFormat, encoding: FileEncoding): ParsedCsv {
  const bom = BOMS[encoding];
  const from = bom.length > 0 && bom.every((byte, i) => bytes[i] === byte) ? bom.length : 0;
  if (bytes.length === from) return { kind: 'refused', reason: 'the file is empty' };

  const lineEnd = Math.max(...format.columns.map((column) => column.start - 1 + column.length));
  const rows: CsvRow[] = [];
  const badRows: FileBadRow[] = [];
  let line = 0;
  let start = from;
  while (start < bytes.length) {
    const newline = bytes.indexOf(LF, start);
    const next = newline === -1 ? bytes.length : newline + 1;
    let end = newline === -1 ? bytes.length : newline;
    if (end > start && bytes[end - 1] === CR) end -= 1;
    line += 1;
    const record = bytes.subarray(start, end);
    start = next;
    if (line <= format.skipLines || record.length === 0) continue;
    if (record.length < lineEnd) {
      badRows.push({ line, reason: `the line has ${record.length} bytes, fewer than the ${lineEnd} the columns need` });
      continue;
    }
    const boundaries = characterBoundaries(record, encoding);
    const split = format.columns.find((column) => !boundaries[column.start - 1] || !boundaries[column.start - 1 + column.length]);
    if (split) {
      badRows.push({
        line,
        reason: `column ${JSON.stringify(split.name)} (bytes ${split.start}–${split.start - 1 + split.length}) cuts a multi-byte ${encoding} character in two`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    for (const column of format.columns) {
      const text = iconv.decode(record.subarray(column.start - 1, column.start - 1 + column.length), encoding);
      values[column.name] = format.trim ? text.trim() : text;
    }
    rows.push({ line, values });
  }
  if (line < format.skipLines) {
    return { kind: 'refused', reason: `the file has ${line} lines, fewer than the ${format.skipLines} lines to skip` };
  }
  return { kind: 'rows', rows, badRows };
}

/**
 * Flags, for each offset 0…length of a line, whether a character starts
 * there (the end of the line counts as a start). GBK and GB18030 lead bytes
 * are 0x81–0xFE followed by one byte, or, in GB18030, by a digit and two
 * more bytes; UTF-8 continuation bytes are 0x80–0xBF.
 */
function characterBoundaries(line: Buffer, encoding: FileEncoding): Uint8Array {
  const boundaries = new Uint8Array(line.length + 1);
  if (encoding === 'utf-8') {
    for (let i = 0; i < line.length; i += 1) boundaries[i] = (line[i]! & 0xc0) === 0x80 ? 0 : 1;
    boundaries[line.length] = 1;
    return boundaries;
  }
  let i = 0;
  while (i < line.length) {
    boundaries[i] = 1;
    const byte = line[i]!;
    if (byte < 0x81 || byte > 0xfe) i += 1;
    else {
      const second = line[i + 1];
      i += second !== undefined && second >= 0x30 && second <= 0x39 ? 4 : 2;
    }
  }
  boundaries[Math.min(i, line.length)] = 1;
  return boundaries;
}
