/**
 * The seam between the source and a database driver. `sqlSource` speaks
 * only this interface; each dialect in `dialects/` is the only code that
 * imports its driver and renders the statement language (`$n`, `in ($keys)`)
 * in its own placeholder syntax.
 */
import type { Logger } from '@govgraph/sdk';
import type { SqlDialect, SqlSourceConfig } from './config';
import type { ParsedStatement } from './statement';
import { createMysqlClient } from './dialects/mysql-client';
import { createPostgresClient } from './dialects/postgres-client';
import { createSqliteClient } from './dialects/sqlite-client';

/** A key of a batch look-up. */
export type SqlKey = string | number;

/** A statement in a dialect's own syntax, with its bound values. @internal */
export interface RenderedStatement {
  /** The statement as the caller wrote it (for logs and error causes). */
  readonly written: string;
  /** The text sent to the database. */
  readonly text: string;
  /** The values in the driver's binding form. */
  readonly values: unknown;
}

/** One open database (a connection or a pool). Errors it throws are already mapped to the SDK taxonomy. @internal */
export interface SqlClient {
  readonly dialect: SqlDialect;
  /** Opens the database and proves it answers; throws `BadGatewayError` if it cannot. */
  open(): Promise<void>;
  /**
   * Renders a statement in the dialect's placeholder syntax: `params` fill
   * `$1 … $n`, `keys` (if any) fill `in ($keys)`. Sends nothing; throws a
   * `TypeError` for a value the driver cannot bind.
   */
  render(statement: ParsedStatement, params: readonly unknown[], keys: readonly SqlKey[] | undefined): RenderedStatement;
  /** Sends one rendered statement and returns its rows (none for a statement that returns no rows). */
  execute(statement: RenderedStatement): Promise<unknown[]>;
  /** Runs `select 1` within `timeoutMs`; throws a mapped error if it fails. */
  ping(timeoutMs: number): Promise<void>;
  /** Closes the database. Idempotent. */
  close(): Promise<void>;
}

/** Creates the client of the config's dialect. Nothing is opened until `open()`. @internal */
export function createSqlClient(config: SqlSourceConfig, logger: Logger): SqlClient {
  switch (config.dialect) {
    case 'sqlite':
      return createSqliteClient(config, logger);
    case 'postgres':
      return createPostgresClient(config, logger);
    case 'mysql':
      return createMysqlClient(config, logger);
  }
}
