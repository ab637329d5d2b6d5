/**
 * Parsed CSV rows → the department's records, through its `mapRow`. A row
 * that `mapRow` rejects (by throwing), or that holds bytes the encoding
 * cannot decode, becomes a bad row; too many bad rows refuse the file.
 */
import type { SdkErrorCode } from '@govgraph/sdk';
import type { FileEncoding } from './config';
import type { CsvRow, FileBadRow } from './parse-csv';

/** Every code a file source can throw; the README's "Error codes" table lists each (a test checks). @internal */
export const FILE_SOURCE_ERROR_CODES: readonly SdkErrorCode[] = [
  'SDK_CONFIG_INVALID',
  'CONN_UPSTREAM_UNAVAILABLE',
  'CONN_UPSTREAM_INVALID_RESPONSE',
];

/** Where a row came from, given to `mapRow`. */
export interface MapRowContext {
  /** The line the row starts on (1-based, counting the header). */
  readonly line: number;
  /** The file name. */
  readonly file: string;
}

/**
 * Turns one CSV row (values keyed by column name, as exact strings) into a
 * record. Throw (any error) to reject the row: it is skipped and its reason
 * (the error's message, first 200 characters) is logged and listed, so the
 * message must not contain the row's personal data.
 */
export type MapRow<T> = (row: Record<string, string>, ctx: MapRowContext) => T;

/** The records of a file, or why it is refused. @internal */
export type MappedFile<T> =
  | { readonly kind: 'records'; readonly records: readonly T[]; readonly badRows: readonly FileBadRow[] }
  | { readonly kind: 'refused'; readonly reason: string; readonly badRows: readonly FileBadRow[] };

const MAX_REASON_LENGTH = 200;

/** Maps every row, merges its bad rows with the parser's (in line order) and applies `maxBadRowRatio`. @internal */
export function mapRows<T>(
  file: string,
  rows: readonly CsvRow[],
  parserBadRows: readonly FileBadRow[],
  mapRow: MapRow<T>,
  options: { readonly encoding: FileEncoding; readonly maxBadRowRatio: number | undefined },
): MappedFile<T> {
  const records: T[] = [];
  const mapBadRows: FileBadRow[] = [];
  for (const { line, values } of rows) {
    if (Object.values(values).some((value) => value.includes('\uFFFD'))) {
      mapBadRows.push({ line, reason: `the row has bytes that are not valid ${options.encoding}` });
      continue;
    }
    try {
      const record = mapRow(values, { line, file });
      records.push(record !== null && typeof record === 'object' ? Object.freeze(record) : record);
    } catch (error) {
      mapBadRows.push({ line, reason: reasonOf(error) });
    }
  }
  const badRows = mergeByLine(parserBadRows, mapBadRows);
  const total = rows.length + parserBadRows.length;
  if (options.maxBadRowRatio !== undefined && total > 0 && badRows.length / total > options.maxBadRowRatio) {
    return {
      kind: 'refused',
      reason: `${badRows.length} of ${total} rows are bad, more than maxBadRowRatio ${options.maxBadRowRatio}`,
      badRows,
    };
  }
  return { kind: 'records', records: Object.freeze(records), badRows };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'mapRow rejected the row';
  const reason = message.trim() || 'mapRow rejected the row';
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
}

function mergeByLine(a: readonly FileBadRow[], b: readonly FileBadRow[]): FileBadRow[] {
  const merged: FileBadRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.line <= b[j]!.line)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}
