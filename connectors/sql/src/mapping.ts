/**
 * Driver errors → the SDK's error taxonomy. A message is safe to show a
 * client: it names the source and the kind of failure, never the SQL text,
 * a value, a host or a connection string. Those go into `cause` (a
 * {@link SqlFailure}), which the subgraph logs under the request id.
 *
 * | failure                                            | error                  |
 * |----------------------------------------------------|------------------------|
 * | cannot connect or open, login refused, db missing  | `BadGatewayError`      |
 * | statement timeout, busy lock timeout               | `UpstreamTimeoutError` |
 * | syntax error, missing table/column, bad value      | `UpstreamDataError`    |
 * | constraint violated (unique, foreign key, …)       | `ConflictError`        |
 * | a write through a read-only source                 | `NotSupportedError`    |
 */
import {
  BadGatewayError,
  ConflictError,
  NotSupportedError,
  UpstreamDataError,
  UpstreamTimeoutError,
  type GovgraphError,
  type SdkErrorCode,
} from '@govgraph/sdk';

/** Every code a SQL source can throw; the README's "Error codes" table lists each (a test checks). @internal */
export const SQL_SOURCE_ERROR_CODES: readonly SdkErrorCode[] = [
  'SDK_CONFIG_INVALID',
  'CONN_UPSTREAM_UNAVAILABLE',
  'CONN_UPSTREAM_TIMEOUT',
  'CONN_UPSTREAM_INVALID_RESPONSE',
  'SDK_CONFLICT',
  'SDK_NOT_SUPPORTED',
  'BAD_USER_INPUT',
];

/** What was being done when a driver failed. @internal */
export interface SqlFailureContext {
  /** The source's name (safe for messages). */
  readonly source: string;
  /** The database, redacted (a file path, or a URL without its password). */
  readonly target: string;
  readonly timeoutMs: number;
  /** Opening the database or connecting, rather than running a statement. */
  readonly connecting?: boolean;
  /** The statement text, when one was being run. */
  readonly statement?: string;
}

/** The `cause` of every error a SQL source throws: the driver's error and what failed, for the log only. */
export interface SqlFailure extends Error {
  readonly name: 'SqlFailure';
  /** The driver's code: a SQLSTATE (`'42P01'`), a SQLite code (`'SQLITE_ERROR'`) or a Node code (`'ECONNREFUSED'`). */
  readonly dbCode: string | undefined;
  /** The statement as written, with placeholders (values are never included). */
  readonly statement: string | undefined;
  /** The database, redacted. */
  readonly target: string;
}

type FailureKind = 'unavailable' | 'timeout' | 'invalid' | 'value' | 'conflict' | 'readonly';

/** Maps an error thrown by better-sqlite3. @internal */
export function mapSqliteError(error: unknown, context: SqlFailureContext): GovgraphError {
  const code = errorCode(error);
  const primary = code?.startsWith('SQLITE_') ? /^SQLITE_[A-Z]+/.exec(code)![0] : undefined;
  return createError(sqliteKind(primary, context), context, error, code);
}

function sqliteKind(primary: string | undefined, context: SqlFailureContext): FailureKind {
  if (context.connecting) return primary === 'SQLITE_BUSY' || primary === 'SQLITE_LOCKED' ? 'timeout' : 'unavailable';
  switch (primary) {
    case undefined: // better-sqlite3's own TypeError/RangeError: bad binding, several statements in one text
    case 'SQLITE_ERROR':
    case 'SQLITE_SCHEMA':
    case 'SQLITE_RANGE':
      return 'invalid';
    case 'SQLITE_MISMATCH':
    case 'SQLITE_TOOBIG':
      return 'value';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'timeout';
    case 'SQLITE_READONLY':
      return 'readonly';
    case 'SQLITE_CONSTRAINT':
      return 'conflict';
    default: // CANTOPEN, NOTADB, CORRUPT, IOERR, FULL, PERM, NOMEM, …
      return 'unavailable';
  }
}

/** Maps an error thrown by `pg` (a server `DatabaseError` with a SQLSTATE, or a network error). @internal */
export function mapPostgresError(error: unknown, context: SqlFailureContext): GovgraphError {
  const code = errorCode(error);
  return createError(postgresKind(error, code), context, error, code);
}

function postgresKind(error: unknown, code: string | undefined): FailureKind {
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) {
    const sqlClass = code.slice(0, 2);
    if (code === '57014') return 'timeout'; // query_canceled: statement_timeout
    if (code === '25006') return 'readonly'; // read_only_sql_transaction
    if (sqlClass === '23') return 'conflict';
    if (sqlClass === '22') return 'value';
    if (['42', '0A', '21', '2F', '44', '3F'].includes(sqlClass)) return 'invalid';
    return 'unavailable'; // 08 connection, 28 login, 3D database missing, 53 resources, 57P shutdown, 58/XX system
  }
  if (code === 'ETIMEDOUT') return 'timeout';
  const message = error instanceof Error ? error.message : '';
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) return 'timeout';
  return 'unavailable';
}

/** MySQL/MariaDB server error numbers that need a decision of their own (the SQLSTATE class decides the rest). */
const MYSQL_UNAVAILABLE = new Set([
  1044, // ER_DBACCESS_DENIED_ERROR (SQLSTATE 42000)
  1045, // ER_ACCESS_DENIED_ERROR
  1049, // ER_BAD_DB_ERROR (SQLSTATE 42000)
  1040, // ER_CON_COUNT_ERROR
  1053, // ER_SERVER_SHUTDOWN
  1698, // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
]);
const MYSQL_TIMEOUT = new Set([
  1969, // MariaDB ER_STATEMENT_TIMEOUT: max_statement_time exceeded
  3024, // MySQL ER_QUERY_TIMEOUT: MAX_EXECUTION_TIME exceeded
  1317, // ER_QUERY_INTERRUPTED
  1205, // ER_LOCK_WAIT_TIMEOUT
]);
const MYSQL_READONLY = new Set([
  1792, // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION (SQLSTATE 25006)
  1290, // ER_OPTION_PREVENTS_STATEMENT: the server runs --read-only
  1836, // ER_READ_ONLY_MODE
]);

/**
 * Maps an error thrown by `mysql2`: a server error (`errno` and `sqlState`)
 * or a network error (`ECONNREFUSED`, `PROTOCOL_CONNECTION_LOST`, …). @internal
 */
export function mapMysqlError(error: unknown, context: SqlFailureContext): GovgraphError {
  const details = (error ?? {}) as { code?: unknown; errno?: unknown; sqlState?: unknown };
  const errno = typeof details.errno === 'number' ? details.errno : undefined;
  const sqlState = typeof details.sqlState === 'string' ? details.sqlState : undefined;
  // MariaDB-only errors have no name in mysql2 (code undefined): the number is the code then.
  const code = errorCode(error) ?? (errno !== undefined && sqlState !== undefined ? String(errno) : undefined);
  return createError(mysqlKind(errno, sqlState, code, context), context, error, code);
}

function mysqlKind(errno: number | undefined, sqlState: string | undefined, code: string | undefined, context: SqlFailureContext): FailureKind {
  if (errno !== undefined && sqlState !== undefined) {
    if (MYSQL_TIMEOUT.has(errno)) return 'timeout';
    if (MYSQL_UNAVAILABLE.has(errno) || context.connecting) return 'unavailable';
    if (MYSQL_READONLY.has(errno) || sqlState === '25006') return 'readonly';
    const sqlClass = sqlState.slice(0, 2);
    if (sqlClass === '23') return 'conflict'; // ER_DUP_ENTRY, foreign keys, not null
    if (sqlClass === '22') return 'value';
    if (['42', '0A', '21', '3D', '3F', '44'].includes(sqlClass)) return 'invalid'; // ER_PARSE_ERROR, ER_NO_SUCH_TABLE, ER_BAD_FIELD_ERROR, …
    return 'unavailable'; // 08 connection, 28 login, 40 deadlock, HY000 server trouble, …
  }
  if (code === 'ETIMEDOUT' || code === 'PROTOCOL_SEQUENCE_TIMEOUT') return 'timeout';
  return 'unavailable'; // ECONNREFUSED, ENOTFOUND, PROTOCOL_CONNECTION_LOST, …
}

/** The error for a statement the client gave up on (the server did not answer in time). @internal */
export function timeoutError(context: SqlFailureContext, cause?: unknown): GovgraphError {
  return createError('timeout', context, cause ?? new Error(`no answer within ${context.timeoutMs} ms`), undefined);
}

function createError(kind: FailureKind, context: SqlFailureContext, error: unknown, dbCode: string | undefined): GovgraphError {
  const source = JSON.stringify(context.source);
  const options = { cause: failureOf(error, context, dbCode), details: { source: context.source } };
  switch (kind) {
    case 'timeout':
      return new UpstreamTimeoutError(`SQL source ${source} did not answer within ${context.timeoutMs} ms`, options);
    case 'invalid':
      return new UpstreamDataError(`SQL source ${source} could not run a statement: it is invalid or does not match the database schema`, options);
    case 'value':
      return new UpstreamDataError(`SQL source ${source} rejected a value of a statement`, options);
    case 'conflict':
      return new ConflictError(`SQL source ${source} refused a change that conflicts with existing data`, options);
    case 'readonly':
      return new NotSupportedError(`SQL source ${source} is read-only`, options);
    case 'unavailable':
      return new BadGatewayError(`SQL source ${source} is unavailable`, options);
  }
}

function failureOf(error: unknown, context: SqlFailureContext, dbCode: string | undefined): SqlFailure {
  const failure = new Error(error instanceof Error ? error.message : String(error), { cause: error });
  failure.name = 'SqlFailure';
  return Object.assign(failure, { name: 'SqlFailure' as const, dbCode, statement: context.statement, target: context.target });
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
