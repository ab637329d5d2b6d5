/**
 * SQLite through better-sqlite3: the only file that speaks to SQLite.
 *
 * better-sqlite3 is synchronous, and SQLite cannot be interrupted in the
 * middle of a statement from outside its thread, so `timeoutMs` bounds only
 * the wait for a lock held by another process (the busy timeout, after which
 * the statement fails with `UpstreamTimeoutError`). A statement that runs
 * longer than `timeoutMs` by itself finishes, and is reported as a warning.
 * Keep statements on indexed columns: a slow one blocks the event loop.
 */
import Database from 'better-sqlite3';
import type { Logger } from '@govgraph/sdk';
import type { SqliteSourceConfig } from '../config';
import type { RenderedStatement, SqlClient, SqlKey } from '../client';
import { mapSqliteError, type SqlFailureContext } from '../mapping';
import type { ParsedStatement } from '../statement';

/** Prepared statements kept per database, least recently used dropped first. */
const STATEMENT_CACHE_SIZE = 200;

/** Creates a SQLite client; the file must exist (a department's database is never created here). @internal */
export function createSqliteClient(config: SqliteSourceConfig, logger: Logger): SqlClient {
  const context: SqlFailureContext = { source: config.name, target: config.filename, timeoutMs: config.timeoutMs };
  const cache = new Map<string, Database.Statement>();
  let db: Database.Database | undefined;

  function prepare(active: Database.Database, text: string): Database.Statement {
    const cached = cache.get(text);
    if (cached) {
      cache.delete(text);
      cache.set(text, cached);
      return cached;
    }
    const prepared = active.prepare(text);
    cache.set(text, prepared);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return prepared;
  }

  function run(text: string, values: Record<string, unknown>, statementContext: SqlFailureContext): unknown[] {
    if (!db) throw new Error('SQLite client is not open');
    const started = performance.now();
    try {
      const prepared = prepare(db, text);
      if (prepared.reader) return prepared.all(values) as unknown[];
      prepared.run(values);
      return [];
    } catch (error) {
      throw mapSqliteError(error, statementContext);
    } finally {
      const durationMs = Math.round(performance.now() - started);
      if (durationMs > config.timeoutMs) {
        logger.warn(
          { source: config.name, durationMs, timeoutMs: config.timeoutMs },
          'SQLite statement ran longer than timeoutMs; SQLite cannot interrupt it, so the event loop was blocked',
        );
      }
    }
  }

  return {
    dialect: 'sqlite',
    async open() {
      if (db) return;
      try {
        const opened = new Database(config.filename, {
          readonly: config.readonly,
          fileMustExist: config.filename !== ':memory:',
          timeout: config.timeoutMs,
        });
        try {
          // Opening is lazy: read the schema now so a missing or foreign file fails at start, not at the first request.
          opened.prepare('select count(*) from sqlite_master').get();
        } catch (error) {
          opened.close();
          throw error;
        }
        db = opened;
      } catch (error) {
        throw mapSqliteError(error, { ...context, connecting: true });
      }
    },
    render: renderSqlite,
    async execute(statement) {
      return run(statement.text, statement.values as Record<string, unknown>, { ...context, statement: statement.written });
    },
    async ping() {
      run('select 1', {}, { ...context, statement: 'select 1' });
    },
    async close() {
      const open = db;
      db = undefined;
      cache.clear();
      open?.close();
    },
  };
}

/**
 * Renders `$n` as `?n` (SQLite's numbered parameters, bound by name `"n"`)
 * and `in ($keys)` as `in (?k, ?k+1, …)` numbered after the parameters.
 */
function renderSqlite(
  statement: ParsedStatement,
  params: readonly unknown[],
  keys: readonly SqlKey[] | undefined,
): RenderedStatement {
  if (statement.questionMark) {
    throw new TypeError('SQLite statements use numbered placeholders $1 … $n, not "?"');
  }
  const values: Record<string, unknown> = {};
  params.forEach((value, i) => {
    values[String(i + 1)] = toSqliteValue(value, `$${i + 1}`);
  });
  let text = '';
  for (const part of statement.parts) {
    if (part.kind === 'sql') {
      text += part.text;
    } else if (part.kind === 'param') {
      text += `?${part.index}`;
    } else {
      const list = (keys ?? []).map((key, i) => {
        const index = params.length + i + 1;
        values[String(index)] = key;
        return `?${index}`;
      });
      text += `in (${list.join(', ')})`;
    }
  }
  return { written: statement.text, text, values };
}

/** SQLite binds numbers, strings, bigints, buffers and null; booleans and dates are stored as SQLite apps usually store them. */
function toSqliteValue(value: unknown, placeholder: string): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint' || Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`SQLite cannot bind ${placeholder}: a ${typeof value} is not a number, string, bigint, boolean, Date, Buffer or null`);
}
