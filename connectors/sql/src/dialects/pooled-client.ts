/**
 * The lifecycle both server dialects share (PostgreSQL, MySQL/MariaDB): a
 * pool made and tried with `select 1` by `open()`, statements run within the
 * source's timeout plus a short grace for the server's own cancellation, an
 * exact limit for health probes, and `close()`. Each dialect file keeps only
 * what speaks its driver: making the pool and running one statement.
 */
import type { SqlDialect } from '../config';
import type { SqlClient } from '../client';
import type { SqlFailureContext } from '../mapping';

/** The most the client waits beyond `timeoutMs` for the server's own cancellation to arrive. */
const CLIENT_GRACE_MS = 500;

/** What a server dialect gives {@link createPooledClient}. @internal */
export interface PooledDriver<TPool> {
  readonly dialect: Extract<SqlDialect, 'postgres' | 'mysql'>;
  /** Name in the "not open" error, e.g. `PostgreSQL`. */
  readonly label: string;
  readonly timeoutMs: number;
  readonly context: SqlFailureContext;
  readonly render: SqlClient['render'];
  /** Makes a pool (not yet tried). */
  createPool(): TPool;
  /** Ends a pool. */
  endPool(pool: TPool): Promise<void>;
  /** Acquires a connection, runs one statement and releases it, all within `timeoutMs` + `graceMs`. */
  run(pool: TPool, text: string, values: readonly unknown[], timeoutMs: number, graceMs: number, context: SqlFailureContext): Promise<unknown[]>;
}

/** Creates a server dialect's client from its driver. @internal */
export function createPooledClient<TPool>(driver: PooledDriver<TPool>): SqlClient {
  const { context, timeoutMs } = driver;
  const graceMs = Math.min(CLIENT_GRACE_MS, timeoutMs);
  let pool: TPool | undefined;

  function requirePool(): TPool {
    if (pool === undefined) throw new Error(`${driver.label} client is not open`);
    return pool;
  }

  return {
    dialect: driver.dialect,
    async open() {
      if (pool !== undefined) return;
      const created = driver.createPool();
      try {
        await driver.run(created, 'select 1', [], timeoutMs, graceMs, { ...context, connecting: true, statement: 'select 1' });
      } catch (error) {
        await driver.endPool(created).catch(() => undefined);
        throw error;
      }
      pool = created;
    },
    render: driver.render,
    async execute(statement) {
      return driver.run(requirePool(), statement.text, statement.values as unknown[], timeoutMs, graceMs, {
        ...context,
        statement: statement.written,
      });
    },
    async ping(probeTimeoutMs) {
      // The health probe's limit is exact: the caller (readiness) has its own deadline right after it.
      await driver.run(requirePool(), 'select 1', [], probeTimeoutMs, 0, { ...context, timeoutMs: probeTimeoutMs, statement: 'select 1' });
    },
    async close() {
      const open = pool;
      pool = undefined;
      if (open !== undefined) await driver.endPool(open);
    },
  };
}
