/**
 * Human output of the CLI: aligned tables that stay aligned with Chinese
 * names (a CJK character takes two terminal columns), and key/value listings
 * for single records.
 */

/** A table column: the row key and its header. */
export interface TableColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => unknown;
}

/** Rows as an aligned table with a header line; `(none)` when empty. */
export function formatTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): string {
  if (rows.length === 0) return '(none)\n';
  const cells = [columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => cellText(column.value(row))))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => displayWidth(line[index]!))));
  return cells.map((line) => line.map((cell, index) => (index === line.length - 1 ? cell : pad(cell, widths[index]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/** A record as `key  value` lines. */
export function formatRecord(entries: readonly [string, unknown][]): string {
  const width = Math.max(...entries.map(([key]) => displayWidth(key)));
  return entries.map(([key, value]) => `${pad(key, width)}  ${cellText(value)}`.trimEnd()).join('\n') + '\n';
}

/** How a value reads in a cell: `-` for none, lists comma-separated. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(cellText).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Terminal columns of `text`: 2 for East Asian wide characters. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
