/**
 * Reading rows of the licence library. The SQL connector returns rows as the
 * driver gives them, unvalidated; a legacy database can hold anything its
 * columns allow (a date written as `2021/4/1`, an unknown status). Every
 * column is checked here, and a row that fails becomes one
 * `UpstreamDataError` naming the row and each bad column (never its value:
 * holder ids are personal data), so a bad record is reported, not served as
 * a wrong value or a crash.
 */
import { UpstreamDataError } from '@govgraph/sdk';

/** The name of the legacy system in errors, as the SQL source is named. */
export const LICENCE_LIBRARY = 'licence-library';

/** Typed column readers of one row. A bad column is recorded and a placeholder returned. */
export interface RowReader {
  /** A non-empty string. */
  text(column: string): string;
  /** A string, or `null` for SQL NULL. */
  optionalText(column: string): string | null;
  /** A calendar date written `YYYY-MM-DD`. */
  date(column: string): string;
  /** A `YYYY-MM-DD` date, or `null`. */
  optionalDate(column: string): string | null;
  /** One of `values`, exactly. */
  oneOf<T extends string>(column: string, values: readonly T[]): T;
  /** A positive integer (a number, or a digit string as PostgreSQL gives bigints), or `null`. */
  optionalPositiveInteger(column: string): number | null;
  /** Records a problem found by the caller (e.g. a check across columns). */
  problem(description: string): void;
}

/**
 * Reads one row with `read`; throws `UpstreamDataError` listing every bad
 * column when the row cannot be read. `label` names the row in the message,
 * e.g. `licence "JS-LT0001-2021-000001"`.
 */
export function readRow<T>(row: unknown, label: string, read: (reader: RowReader) => T): T {
  if (row === null || typeof row !== 'object') {
    throw new UpstreamDataError(`The licence library returned an unreadable ${label}: not a row`, { details: { source: LICENCE_LIBRARY } });
  }
  const record = row as Record<string, unknown>;
  const problems: string[] = [];
  const reader = createRowReader(record, problems);
  const value = read(reader);
  if (problems.length > 0) {
    throw new UpstreamDataError(`The licence library returned an unreadable ${label}: ${problems.join('; ')}`, {
      details: { source: LICENCE_LIBRARY },
    });
  }
  return value;
}

/** The key column of a row (a licence number, a holder id, a type code), needed to attribute the row at all. */
export function readKey(row: unknown, column: string, what: string): string {
  const value = row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[column] : undefined;
  if (typeof value === 'string' && value !== '') return value;
  throw new UpstreamDataError(`The licence library returned a ${what} row without a readable ${column}`, { details: { source: LICENCE_LIBRARY } });
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function createRowReader(row: Record<string, unknown>, problems: string[]): RowReader {
  const bad = (column: string, expected: string): void => {
    problems.push(`${column} ${row[column] === null || row[column] === undefined ? 'is missing' : `is not ${expected}`}`);
  };
  const text = (column: string): string => {
    const value = row[column];
    if (typeof value === 'string' && value.trim() !== '') return value;
    bad(column, 'a non-empty string');
    return '';
  };
  const date = (column: string): string => {
    const value = row[column];
    if (typeof value === 'string' && isIsoDate(value)) return value;
    bad(column, 'a YYYY-MM-DD date');
    return '';
  };
  return {
    text,
    optionalText(column) {
      const value = row[column];
      if (value === null || value === undefined) return null;
      if (typeof value === 'string') return value;
      bad(column, 'a string');
      return null;
    },
    date,
    optionalDate(column) {
      const value = row[column];
      return value === null || value === undefined ? null : date(column);
    },
    oneOf<T extends string>(column: string, values: readonly T[]): T {
      const value = row[column];
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
      bad(column, `one of ${values.join(', ')}`);
      return values[0] as T;
    },
    optionalPositiveInteger(column) {
      const value = row[column];
      if (value === null || value === undefined) return null;
      const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) return number;
      bad(column, 'a positive integer');
      return null;
    },
    problem(description) {
      problems.push(description);
    },
  };
}
