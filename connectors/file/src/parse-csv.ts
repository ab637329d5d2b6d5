/**
 * Decoded CSV text → rows keyed by column name, with csv-parse's sync API.
 * The column count is strict (`relax_column_count` off), but a row with the
 * wrong count, or a malformed quote, is skipped and reported as a bad row
 * rather than failing the file. Only an unusable header, or a quote never
 * closed (which swallows the rest of the file), refuses the file.
 */
import { parse, type CsvError, type InfoRecord } from 'csv-parse/sync';
import type { CsvOptions, FileEncoding } from './config';

/** A row that was skipped, with a reason that never contains the row's values. */
export interface FileBadRow {
  /** The line the row starts on (1-based, counting the header). */
  readonly line: number;
  readonly reason: string;
}

/** One parsed row. @internal */
export interface CsvRow {
  readonly line: number;
  readonly values: Record<string, string>;
}

/** The rows of a file, or why the whole file is unusable. @internal */
export type ParsedCsv =
  | { readonly kind: 'rows'; readonly rows: CsvRow[]; readonly badRows: FileBadRow[] }
  | { readonly kind: 'refused'; readonly reason: string };

/** Marks a header problem thrown through csv-parse. */
class HeaderProblem extends Error {}

/** Parses a whole decoded file. @internal */
export function parseCsv(text: string, options: CsvOptions, encoding: FileEncoding): ParsedCsv {
  const rows: CsvRow[] = [];
  const badRows: FileBadRow[] = [];
  let headerSeen = !options.header;
  let unclosedQuote: number | undefined;
  // csv-parse counts a CRLF inside a quoted field as two lines; this many lines are over-counted so far.
  let overCounted = 0;
  const startLine = (endLine: number, values: readonly unknown[]): number => {
    const { breaks, crlf } = countLineBreaks(values);
    const line = endLine - breaks - crlf - overCounted;
    overCounted += crlf;
    return line;
  };
  try {
    parse<Record<string, string>>(text, {
      delimiter: options.delimiter,
      columns: options.header
        ? (names: string[]) => {
            headerSeen = true;
            overCounted += countLineBreaks(names).crlf;
            return checkHeader(names, options.columns, encoding);
          }
        : [...(options.columns ?? [])],
      skip_empty_lines: true,
      relax_column_count: false,
      skip_records_with_error: true,
      // Rows are collected here rather than returned, so a 100 MB export is not held twice.
      on_record: (record: Record<string, string>, context: InfoRecord) => {
        rows.push({ line: startLine(context.lines, Object.values(record)), values: record });
        return null;
      },
      on_skip: (error: CsvError | undefined) => {
        if (!error) return;
        const badRow = badRowOf(error, startLine);
        if (error.code === 'CSV_QUOTE_NOT_CLOSED') unclosedQuote ??= badRow.line;
        else badRows.push(badRow);
      },
    });
  } catch (error) {
    if (error instanceof HeaderProblem) return { kind: 'refused', reason: error.message };
    const code = (error as { code?: unknown }).code;
    return { kind: 'refused', reason: `the file cannot be parsed as CSV${typeof code === 'string' ? ` (${code})` : ''}` };
  }
  if (!headerSeen) return { kind: 'refused', reason: 'the file is empty: it has no header row' };
  if (unclosedQuote !== undefined) {
    // Everything after an unclosed quote was read as one field: rows were lost, not just one bad row.
    return { kind: 'refused', reason: `a quoted field is never closed (reported at line ${unclosedQuote}); the rest of the file cannot be read` };
  }
  return { kind: 'rows', rows, badRows };
}

function checkHeader(raw: string[], required: readonly string[] | undefined, encoding: FileEncoding): string[] {
  const names = raw.map((name) => name.trim());
  if (names.some((name) => name.includes('\uFFFD'))) {
    throw new HeaderProblem(`the header is not valid ${encoding} text (check the encoding option)`);
  }
  const unnamed = names.findIndex((name) => name === '');
  if (unnamed !== -1) throw new HeaderProblem(`header column ${unnamed + 1} has no name`);
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '__proto__') throw new HeaderProblem('the header uses the reserved column name "__proto__"');
    if (seen.has(name)) throw new HeaderProblem(`header column ${JSON.stringify(name)} appears twice`);
    seen.add(name);
  }
  const missing = (required ?? []).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new HeaderProblem(`the header lacks column${missing.length > 1 ? 's' : ''} ${missing.map((n) => JSON.stringify(n)).join(', ')}`);
  return names;
}

/** A skipped record's start line and a reason built from the error's code and counts, never its message (which quotes data). */
function badRowOf(error: CsvError, startLine: (endLine: number, values: readonly unknown[]) => number): FileBadRow {
  const details = error as CsvError & { lines?: number; record?: unknown; columns?: unknown };
  const record = Array.isArray(details.record) ? (details.record as unknown[]) : undefined;
  const line = startLine(details.lines ?? 0, record ?? []);
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const expected = Array.isArray(details.columns) ? details.columns.length : undefined;
      const got = record?.length;
      return { line, reason: `wrong number of fields: expected ${expected ?? '?'}, got ${got ?? '?'}` };
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { line, reason: 'a quoted field has characters after its closing quote' };
    case 'INVALID_OPENING_QUOTE':
      return { line, reason: 'a quote appears inside an unquoted field' };
    default:
      return { line, reason: `malformed CSV (${error.code})` };
  }
}

/** Line breaks inside field values (CRLF, LF or CR each count one), and how many of them are CRLF. */
function countLineBreaks(values: readonly unknown[]): { breaks: number; crlf: number } {
  let breaks = 0;
  let crlf = 0;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    for (let i = 0; i < value.length; i += 1) {
      const c = value[i];
      if (c === '\r' && value[i + 1] === '\n') {
        breaks += 1;
        crlf += 1;
        i += 1;
      } else if (c === '\r' || c === '\n') {
        breaks += 1;
      }
    }
  }
  return { breaks, crlf };
}
