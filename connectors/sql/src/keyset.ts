/**
 * Keyset ("seek") pagination: each page starts right after the last row of
 * the previous one, found by comparing the ordering keys, so a page costs
 * the same at row 10 as at row 10 million (an index on the keys serves it)
 * and rows inserted or deleted meanwhile neither repeat nor vanish the way
 * they do with `offset`.
 *
 * The caller's `select … from … where …` is wrapped as a derived table:
 *
 *   select * from (<text>) as govgraph_keyset
 *   where (k1, k2) > ($n+1, $n+2)          -- `<` when descending; only after a cursor
 *   order by k1, k2 limit <limit + 1>
 *
 * One extra row tells whether a next page exists. The cursor is base64url
 * JSON of the last row's key values plus a fingerprint of the query, read
 * back strictly: anything malformed or from another query is a
 * `BadRequestError` (a cursor comes from a client).
 */
import { createHash } from 'node:crypto';
import { BadRequestError, UpstreamDataError } from '@govgraph/sdk';
import type { SqlDialect } from './config';
import type { ParsedStatement } from './statement';

/** The most rows one page may ask for. */
export const MAX_KEYSET_LIMIT = 1000;

/** The longest cursor read back; a longer one is refused unread. */
const MAX_CURSOR_LENGTH = 4096;

/** A column the pages are ordered by. */
export interface SqlKeysetKey {
  /** A column of the statement's result (a plain identifier: letters, digits, `_`). Its values must never be null. */
  readonly column: string;
  /** The same for every key: the order is `(k1, k2, …)` ascending or descending as a whole. */
  readonly direction: 'asc' | 'desc';
}

/** One page request of {@link SqlSource.queryKeyset}. */
export interface SqlKeysetQuery {
  /**
   * `select … from … where …` with `$1 … $n` placeholders, without
   * `order by`, `limit`, `offset` or `fetch` at its top level (they are
   * added here). Every key column must be among the selected columns.
   */
  readonly text: string;
  /** Values of `$1 … $n`. @default [] */
  readonly params?: readonly unknown[];
  /** The ordering keys, most significant first; together they must identify a row (end with a unique column). */
  readonly keys: readonly SqlKeysetKey[];
  /** Rows per page, 1–1000. */
  readonly limit: number;
  /** The `nextCursor` of the previous page; absent for the first page. */
  readonly after?: string | null;
  /** A name for logs. @default 'queryKeyset' */
  readonly operation?: string;
}

/** One page of rows. */
export interface SqlKeysetPage<Row> {
  readonly rows: Row[];
  /** Pass as `after` to get the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/** The statement of one page, before it is sent. @internal */
export interface KeysetPlan {
  readonly text: string;
  readonly params: readonly unknown[];
  readonly limit: number;
  readonly columns: readonly string[];
  readonly fingerprint: string;
}

/** A key value in a cursor: JSON has no dates, so a `Date` travels tagged. */
type CursorValue = string | number | boolean | { readonly date: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FORBIDDEN_CLAUSE = /\b(order\s+by|limit|offset|fetch)\b|;/i;

/**
 * Checks a page request and builds its statement. `statement` is the
 * caller's text as parsed (for its placeholders and top-level clauses).
 * Throws a `TypeError` for a programming mistake (bad key, clause present)
 * and a `BadRequestError` for a bad `limit` or cursor (client input).
 * @internal
 */
export function planKeysetQuery(query: SqlKeysetQuery, statement: ParsedStatement, dialect: SqlDialect): KeysetPlan {
  if (statement.keyLists > 0) throw new TypeError('queryKeyset: a keyset statement cannot use in ($keys)');
  const clause = FORBIDDEN_CLAUSE.exec(statement.outline);
  if (clause) {
    throw new TypeError(`queryKeyset: the statement must not contain "${clause[0].replace(/\s+/g, ' ').toLowerCase()}"; ordering and limits are added from keys and limit`);
  }
  const keys = query.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new TypeError('queryKeyset: keys must list at least one column');
  const direction = keys[0]!.direction;
  for (const key of keys) {
    if (typeof key.column !== 'string' || !IDENTIFIER.test(key.column)) {
      throw new TypeError(`queryKeyset: key column ${JSON.stringify(key.column)} is not a plain identifier`);
    }
    if (key.direction !== 'asc' && key.direction !== 'desc') throw new TypeError('queryKeyset: a key direction must be "asc" or "desc"');
    if (key.direction !== direction) throw new TypeError('queryKeyset: every key must have the same direction');
  }
  const columns = keys.map((key) => key.column);
  if (new Set(columns).size !== columns.length) throw new TypeError('queryKeyset: a key column is listed twice');
  const limit = query.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_KEYSET_LIMIT) {
    throw new BadRequestError(`limit must be a whole number from 1 to ${MAX_KEYSET_LIMIT}`, { details: { limit } });
  }

  const fingerprint = fingerprintOf(query.text, keys);
  const params = [...(query.params ?? [])];
  const quoted = columns.map((column) => quoteIdentifier(column, dialect));
  let where = '';
  if (query.after !== undefined && query.after !== null) {
    const values = decodeCursor(query.after, fingerprint, columns.length);
    const placeholders = values.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    where = ` where (${quoted.join(', ')}) ${direction === 'asc' ? '>' : '<'} (${placeholders.join(', ')})`;
  }
  const order = quoted.map((column) => `${column} ${direction}`).join(', ');
  // The caller's text ends on its own line, so a trailing line comment cannot swallow the clauses added here.
  const text = `select * from (\n${query.text}\n) as govgraph_keyset${where} order by ${order} limit ${limit + 1}`;
  return { text, params, limit, columns, fingerprint };
}

/** Cuts the extra row and builds the cursor of the next page from the last row kept. @internal */
export function keysetPageOf<Row>(plan: KeysetPlan, rows: readonly unknown[], source: string): SqlKeysetPage<Row> {
  if (rows.length <= plan.limit) return { rows: [...rows] as Row[], nextCursor: null };
  const page = rows.slice(0, plan.limit);
  const last = page[page.length - 1] as Record<string, unknown>;
  const values = plan.columns.map((column) => {
    const value = cursorValueOf(last[column]);
    if (value === undefined) {
      throw new UpstreamDataError(`SQL source ${JSON.stringify(source)} returned a key column that is null or not a plain value`, {
        details: { source, column },
      });
    }
    return value;
  });
  const cursor = Buffer.from(JSON.stringify({ q: plan.fingerprint, k: values }), 'utf8').toString('base64url');
  return { rows: page as Row[], nextCursor: cursor };
}

function cursorValueOf(value: unknown): CursorValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { date: value.toISOString() };
  return undefined;
}

/** Reads a cursor back: shape, fingerprint and every value are checked. */
function decodeCursor(cursor: string, fingerprint: string, keyCount: number): unknown[] {
  const invalid = (): BadRequestError => new BadRequestError('The pagination cursor is not valid for this query', { details: { argument: 'after' } });
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid();
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalid();
  const { q, k } = decoded as { q?: unknown; k?: unknown };
  if (q !== fingerprint || !Array.isArray(k) || k.length !== keyCount || Object.keys(decoded).length !== 2) throw invalid();
  return k.map((value: unknown) => {
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'object' && value !== null && Object.keys(value).length === 1) {
      const date = (value as { date?: unknown }).date;
      if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(date) && !Number.isNaN(Date.parse(date))) {
        return new Date(date);
      }
    }
    throw invalid();
  });
}

/** Ties a cursor to the query and keys it was made for, so it cannot be replayed against another listing. */
function fingerprintOf(text: string, keys: readonly SqlKeysetKey[]): string {
  const shape = JSON.stringify([text, keys.map((key) => [key.column, key.direction])]);
  return createHash('sha256').update(shape).digest('base64url').slice(0, 16);
}

/** A validated identifier, quoted so its case is kept (PostgreSQL folds unquoted names). */
function quoteIdentifier(column: string, dialect: SqlDialect): string {
  return dialect === 'mysql' ? `\`${column}\`` : `"${column}"`;
}
