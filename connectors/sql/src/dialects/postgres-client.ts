/**
 * PostgreSQL through a `pg` pool: the only file that speaks to PostgreSQL.
 *
 * Timeouts are enforced twice. Every session starts with
 * `statement_timeout = timeoutMs`, so the server cancels a slow statement
 * itself (SQLSTATE 57014) and the connection stays usable. A client-side
 * timer of `timeoutMs` plus a short grace covers the wait for a pooled
 * connection and a server or network that stops answering; when it fires
 * the connection is discarded, since it may still be busy.
 */
import { Pool, type PoolClient, type PoolConfig, type QueryConfig } from 'pg';
import type { Logger } from '@govgraph/sdk';
import type { PostgresSourceConfig } from '../config';
import type { RenderedStatement, SqlClient, SqlKey } from '../client';
import { mapPostgresError, timeoutError, type SqlFailureContext } from '../mapping';
import { redactUrl } from '../redact-url';
import { createPooledClient } from './pooled-client';
import type { ParsedStatement } from '../statement';

/** Marks a pooled connection that already has an `error` listener. */
const GUARDED = Symbol('govgraph.sql.guarded');

/** Creates a PostgreSQL client; the pool is created and tried by `open()`. @internal */
export function createPostgresClient(config: PostgresSourceConfig, logger: Logger): SqlClient {
  const context: SqlFailureContext = { source: config.name, target: redactUrl(config.url), timeoutMs: config.timeoutMs };
  return createPooledClient<Pool>({
    dialect: 'postgres',
    label: 'PostgreSQL',
    timeoutMs: config.timeoutMs,
    context,
    render: renderPostgres,
    createPool() {
      const created = new Pool(poolConfig(config));
      created.on('error', (error) => {
        // An idle pooled connection failed (server restart, network): pg discards it; the next statement opens another.
        logger.warn({ source: config.name, err: mapPostgresError(error, context).cause }, 'idle PostgreSQL connection failed');
      });
      return created;
    },
    endPool: (pool) => pool.end(),
    run,
  });
}

function poolConfig(config: PostgresSourceConfig): PoolConfig {
  // Session settings go in the startup packet's `options`; a URL's own `options` parameter is kept and extended.
  const url = new URL(config.url);
  const options = [url.searchParams.get('options') ?? ''];
  url.searchParams.delete('options');
  if (config.schema) options.push(`-c search_path=${config.schema}`);
  if (config.readonly) options.push('-c default_transaction_read_only=on');
  const joined = options.filter(Boolean).join(' ');
  return {
    connectionString: url.toString(),
    max: config.maxConnections,
    connectionTimeoutMillis: config.timeoutMs,
    statement_timeout: config.timeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: `govgraph ${config.name}`.slice(0, 63),
    ...(joined ? { options: joined } : {}),
  };
}


/**
 * Acquires a connection, runs one statement and releases the connection,
 * all within `timeoutMs` + `graceMs`; the server's `statement_timeout`
 * normally answers first.
 */
function run(
  pool: Pool,
  text: string,
  values: readonly unknown[],
  timeoutMs: number,
  graceMs: number,
  context: SqlFailureContext,
): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve, reject) => {
    let settled = false;
    let client: PoolClient | undefined;
    const timer = setTimeout(() => {
      settled = true;
      client?.release(true); // it may still be running the statement: discard it rather than reuse it
      reject(timeoutError({ ...context, timeoutMs }));
    }, timeoutMs + graceMs);

    const fail = (error: unknown, connecting: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(mapPostgresError(error, { ...context, timeoutMs, connecting: connecting || context.connecting === true }));
    };

    pool.connect().then((acquired) => {
      guardErrors(acquired);
      if (settled) {
        acquired.release();
        return;
      }
      client = acquired;
      // Always the extended protocol, even without values: exactly one statement per call (no `a; b`).
      const query: QueryConfig = Object.assign({ text, values: [...values] }, { queryMode: 'extended' });
      acquired.query(query).then(
        (result) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          acquired.release();
          resolve(result.rows);
        },
        (error: unknown) => {
          if (settled) return;
          acquired.release(isSessionBroken(error) ? (error as Error) : undefined);
          fail(error, false);
        },
      );
    }, (error: unknown) => fail(error, true));
  });
}

/**
 * A connection that fails while checked out emits `error`; unheard, that
 * would crash the process. The failure also rejects the statement in flight,
 * which reports it, so the event itself needs no more than a listener.
 */
function guardErrors(client: PoolClient & { [GUARDED]?: true }): void {
  if (client[GUARDED]) return;
  client[GUARDED] = true;
  client.on('error', () => undefined);
}

/** A server error on a healthy session (syntax, constraint, timeout) keeps the connection; anything else discards it. */
function isSessionBroken(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const serverError = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in (error as object);
  return !serverError || code.startsWith('08') || code.startsWith('57P');
}

/**
 * Renders `$n` as itself and `in ($keys)` as `= any($k)`, one array
 * parameter after the others: one statement text for any number of keys.
 */
function renderPostgres(
  statement: ParsedStatement,
  params: readonly unknown[],
  keys: readonly SqlKey[] | undefined,
): RenderedStatement {
  const values: unknown[] = [...params];
  let text = '';
  for (const part of statement.parts) {
    if (part.kind === 'sql') {
      text += part.text;
    } else if (part.kind === 'param') {
      text += `$${part.index}`;
    } else {
      values.push([...(keys ?? [])]);
      text += `= any($${values.length})`;
    }
  }
  return { written: statement.text, text, values };
}
