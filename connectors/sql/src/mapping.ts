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
