/**
 * MySQL and MariaDB through a `mysql2` pool: the only file that speaks to
 * them.
 *
 * Statements run as server-side prepared statements (`execute`), so values
 * are bound by the server and never escaped into the text by the client.
 * `$n` becomes `?` with the values re-ordered (and repeated) to follow the
 * text; `in ($keys)` becomes `in (?, ?, …)`.
 *
 * Each new pooled session is set up once before its first statement:
 * `SET SESSION TRANSACTION READ ONLY` when the source is read-only, and the
 * server's own statement limit (`max_statement_time` on MariaDB,
 * `MAX_EXECUTION_TIME` on MySQL, which applies to `SELECT` only). A
 * client-side timer of `timeoutMs` plus a short grace covers the wait for a
 * pooled connection and a server or network that stops answering; when it
 * fires the connection is destroyed, not returned to the pool, since it may
 * still be busy.
 *
 * Rows: `DATE`/`DATETIME`/`TIMESTAMP` come back as strings (`dateStrings`),
 * `BIGINT` and `DECIMAL` as strings (`bigNumberStrings`), so nothing loses
 * precision or shifts time zone on the way.
 */
import { createPool, type Pool, type PoolConnection, type PoolOptions } from 'mysql2/promise';
import type { Logger } from '@govgraph/sdk';
import type { MysqlSourceConfig } from '../config';
import type { RenderedStatement, SqlClient, SqlKey } from '../client';
import { mapMysqlError, timeoutError, type SqlFailureContext } from '../mapping';
import { redactUrl } from '../redact-url';
import { createPooledClient } from './pooled-client';
import type { ParsedStatement } from '../statement';

/** Prepared statements kept per connection; older ones are closed on the server. */
const PREPARED_STATEMENTS_PER_CONNECTION = 256;

/** Marks a pooled connection whose session is set up (and that has an `error` listener). */
const READY = Symbol('govgraph.sql.mysqlSessionReady');

type GuardedConnection = PoolConnection & { [READY]?: true };

/** Creates a MySQL/MariaDB client; the pool is created and tried by `open()`. @internal */
export function createMysqlClient(config: MysqlSourceConfig, logger: Logger): SqlClient {
  const context: SqlFailureContext = { source: config.name, target: redactUrl(config.url), timeoutMs: config.timeoutMs };
  /** The statements that put a new session in the source's mode, for this server. */
  async function setUpSession(connection: GuardedConnection): Promise<void> {
    if (connection[READY]) return;
    // A failing pooled connection emits `error`; unheard, that would crash the process. The statement in flight reports it.
    connection.connection.on('error', (error: unknown) => {
      logger.debug({ source: config.name, dbCode: (error as { code?: unknown }).code }, 'MySQL connection failed');
    });
    const [rows] = await connection.query('select version() as version');
    const version = String((rows as { version?: unknown }[])[0]?.version ?? '');
    if (config.readonly) await connection.query('SET SESSION TRANSACTION READ ONLY');
    if (/mariadb/i.test(version)) {
      await connection.query(`SET SESSION max_statement_time = ${(config.timeoutMs / 1000).toFixed(3)}`);
    } else {
      await connection.query(`SET SESSION MAX_EXECUTION_TIME = ${config.timeoutMs}`);
    }
    connection[READY] = true;
  }

  /**
   * Acquires a connection (setting up its session if new), runs one
   * statement and releases the connection, all within `timeoutMs` +
   * `graceMs`; the server's own limit normally answers first.
   */
  function run(
    active: Pool,
    text: string,
    values: readonly unknown[],
    timeoutMs: number,
    graceMs: number,
    statementContext: SqlFailureContext,
  ): Promise<unknown[]> {
    return new Promise<unknown[]>((resolve, reject) => {
      let settled = false;
      let connection: GuardedConnection | undefined;
      const timer = setTimeout(() => {
        settled = true;
        connection?.destroy(); // it may still be running the statement: never hand it to another caller
        reject(timeoutError({ ...statementContext, timeoutMs }));
      }, timeoutMs + graceMs);

      const fail = (error: unknown, connecting: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(mapMysqlError(error, { ...statementContext, timeoutMs, connecting: connecting || statementContext.connecting === true }));
      };

      active.getConnection().then(async (acquired: GuardedConnection) => {
        if (settled) {
          acquired.release();
          return;
        }
        connection = acquired;
        try {
          await setUpSession(acquired);
        } catch (error) {
          if (!settled) acquired.destroy();
          fail(error, true);
          return;
        }
        try {
          // Values were checked by render (`toMysqlValue`); the driver types them more narrowly.
          const [result] = await acquired.execute(text, [...values] as Parameters<PoolConnection['execute']>[1]);
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          acquired.release();
          // A statement without a result set (insert, update, …) gives a header object, not rows.
          resolve(Array.isArray(result) ? (result as unknown[]) : []);
        } catch (error) {
          if (settled) return;
          if (isSessionBroken(error)) acquired.destroy();
          else acquired.release();
          fail(error, false);
        }
      }, (error: unknown) => fail(error, true));
    });
  }

  return createPooledClient<Pool>({
    dialect: 'mysql',
    label: 'MySQL',
    timeoutMs: config.timeoutMs,
    context,
    render: renderMysql,
    createPool: () => createPool(poolOptions(config)),
    endPool: (pool) => pool.end(),
    run,
  });
}

function poolOptions(config: MysqlSourceConfig): PoolOptions {
  const url = new URL(config.url);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)),
    connectionLimit: config.maxConnections,
    maxIdle: config.maxConnections,
    idleTimeout: 30_000,
    connectTimeout: config.timeoutMs,
    enableKeepAlive: true,
    charset: 'utf8mb4',
    // Exact values: dates as the server's text, big integers and decimals as strings.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    // A bound Date is sent as its UTC date and time.
    timezone: 'Z',
    multipleStatements: false,
    maxPreparedStatements: PREPARED_STATEMENTS_PER_CONNECTION,
  };
}


/** A server error on a healthy session (syntax, constraint, timeout) keeps the connection; anything else destroys it. */
function isSessionBroken(error: unknown): boolean {
  const details = (error ?? {}) as { sqlState?: unknown; fatal?: unknown };
  return details.fatal === true || typeof details.sqlState !== 'string';
}

/**
 * Renders `$n` as `?` with its value appended in text order (a `$1` used
 * twice is bound twice) and `in ($keys)` as `in (?, ?, …)`.
 */
function renderMysql(statement: ParsedStatement, params: readonly unknown[], keys: readonly SqlKey[] | undefined): RenderedStatement {
  if (statement.questionMark) {
    throw new TypeError('MySQL statements use numbered placeholders $1 … $n, not "?"');
  }
  const bound = params.map((value, i) => toMysqlValue(value, `$${i + 1}`));
  const values: unknown[] = [];
  let text = '';
  for (const part of statement.parts) {
    if (part.kind === 'sql') {
      text += part.text;
    } else if (part.kind === 'param') {
      values.push(bound[part.index - 1]);
      text += '?';
    } else {
      const list = keys ?? [];
      for (const key of list) values.push(key);
      text += `in (${list.map(() => '?').join(', ')})`;
    }
  }
  return { written: statement.text, text, values };
}

/** mysql2 binds numbers, strings, bigints, booleans, dates, buffers and null; `undefined` is bound as null. */
function toMysqlValue(value: unknown, placeholder: string): unknown {
  if (value === undefined || value === null) return null;
  if (
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    value instanceof Date ||
    Buffer.isBuffer(value)
  ) {
    return value;
  }
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`MySQL cannot bind ${placeholder}: a ${typeof value} is not a number, string, bigint, boolean, Date, Buffer or null`);
}
