/**
 * The registry's hot paths on the database driver itself, beside the Prisma
 * client: the gateway's writes (audit batches, usage counters) and its reads
 * (the registry snapshot of every application, key and grant, and the
 * version polled every two seconds). Prisma maps every bound value and every
 * row through its client runtime, and compiles each query shape in its
 * WebAssembly query compiler, whose memory never shrinks: for a batch of
 * audit records that cost more CPU than SQLite's insert itself, and reading a
 * province's 50,000 grants through Prisma raised the gateway's resident
 * memory by about 150 MiB (bench/README.md). `openRegistry` attaches a
 * driver to the client it returns; {@link multiRowInsert} and the registry
 * reader use it when there is one and fall back to Prisma otherwise (a
 * client made elsewhere). The admin API keeps Prisma: it is not a hot path.
 *
 * - SQLite: a second better-sqlite3 connection to the same file (WAL, the
 *   client's busy timeout); one prepared single-row statement per (table,
 *   columns, suffix), every row of a batch in one transaction; reads in one
 *   read transaction (a consistent snapshot under WAL).
 * - PostgreSQL: the pool the Prisma adapter uses; multi-row `INSERT`s, chunked
 *   under the bind-parameter limit, in one transaction when there is more
 *   than one chunk; reads in one `REPEATABLE READ, READ ONLY` transaction.
 *
 * `Date` values are written exactly as Prisma's adapters write them
 * (SQLite: ISO 8601 with `+00:00`; PostgreSQL: `YYYY-MM-DD HH:MM:SS[.mmm]` in
 * UTC), so rows read back through Prisma are the same either way; reads
 * select timestamps as text and parse them with {@link parseStoredTimestamp}.
 * @internal
 */
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import type { RegistryClient } from './registry-client';
import type { RegistryProvider } from './registry-provider';

/** A value bound to a placeholder. @internal */
export type SqlValue = string | number | boolean | Date | null;

/** A multi-row insert; table, columns and suffix are constants of the caller (interpolated, quoted as given). @internal */
export interface MultiRowInsert {
  readonly table: string;
  readonly columns: readonly string[];
  /** One array per row, values in the order of `columns`. */
  readonly rows: readonly (readonly SqlValue[])[];
  /** SQL after the `VALUES` list (e.g. `ON CONFLICT … DO UPDATE …`), the same on both providers. */
  readonly suffix?: string;
}

/** A row of a read, column name to value (text, numbers; PostgreSQL counts come as text). @internal */
export type SqlRow = Readonly<Record<string, unknown>>;

/** The registry's database, on its driver. @internal */
export interface RegistryDriver {
  readonly provider: RegistryProvider;
  /** Inserts every row of `inserts`, in order, all or none. */
  insertRows(inserts: readonly MultiRowInsert[]): Promise<void>;
  /** Runs the parameterless `SELECT`s in one read-consistent transaction; their rows, in order. */
  readConsistent(queries: readonly string[]): Promise<SqlRow[][]>;
  close(): Promise<void>;
}

/** SQLite's bound-parameter limit (SQLITE_MAX_VARIABLE_NUMBER since 3.32), the lower of the two providers'. @internal */
export const MAX_BOUND_PARAMETERS = 32_766;

const drivers = new WeakMap<object, RegistryDriver>();

/** Makes `driver` the one {@link registryDriverOf} returns for `prisma`. @internal */
export function attachRegistryDriver(prisma: RegistryClient, driver: RegistryDriver): void {
  drivers.set(prisma, driver);
}

/** The driver `openRegistry` attached to `prisma`, if any. @internal */
export function registryDriverOf(prisma: RegistryClient): RegistryDriver | undefined {
  return drivers.get(prisma);
}

/** `INSERT INTO "table" ("a", "b") VALUES`: table and columns are constants of the caller, quoted as given. */
function insertHead(insert: MultiRowInsert): string {
  return `INSERT INTO "${insert.table}" (${insert.columns.map((column) => `"${column}"`).join(', ')}) VALUES`;
}

/** The inserts of `inserts` that have rows, each checked to have one value per column in every row. @throws Error @internal */
export function insertsToRun(inserts: readonly MultiRowInsert[]): MultiRowInsert[] {
  const toRun = inserts.filter((insert) => insert.rows.length > 0);
  for (const insert of toRun) {
    const width = insert.columns.length;
    for (const row of insert.rows) {
      if (row.length !== width) throw new Error(`multiRowInsert: a row of ${insert.table} has ${row.length} values for ${width} columns`);
    }
  }
  return toRun;
}

/** Creates the SQLite driver over its own connection `db` (which it closes). @internal */
export function createSqliteRegistryDriver(db: Database.Database): RegistryDriver {
  // Prepared once per SQL text: the inserts' shapes and the reads are a handful of constants.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const statementFor = (insert: MultiRowInsert): Database.Statement =>
    prepared(`${insertHead(insert)} (${insert.columns.map(() => '?').join(', ')})${insert.suffix ? ` ${insert.suffix}` : ''}`);
  const readAll = db.transaction((queries: readonly string[]) => queries.map((sql) => prepared(sql).all() as SqlRow[]));
  const insertAll = db.transaction((inserts: readonly MultiRowInsert[]) => {
    for (const insert of inserts) {
      const statement = statementFor(insert);
      // One array of bound values per insert, refilled for each row: run() binds synchronously, so no copy per row.
      const bound: (string | number | null)[] = new Array<string | number | null>(insert.columns.length);
      for (const row of insert.rows) {
        for (let column = 0; column < bound.length; column += 1) bound[column] = toSqliteValue(row[column] as SqlValue);
        statement.run(bound);
      }
    }
  });
  return {
    provider: 'sqlite',
    async insertRows(inserts) {
      const nonEmpty = insertsToRun(inserts);
      if (nonEmpty.length === 0) return;
      try {
        insertAll(nonEmpty);
      } catch (error) {
        // Rethrown as an Error of this realm: better-sqlite3 builds its errors with the SqliteError class of the
        // first context that loaded the native addon (jest runs each test file in a context of its own).
        throw new Error(`SQLite insert into ${nonEmpty.map((insert) => insert.table).join(', ')} failed: ${messageOf(error)}`, { cause: error });
      }
    },
    async readConsistent(queries) {
      try {
        return readAll(queries);
      } catch (error) {
        throw new Error(`SQLite read failed: ${messageOf(error)}`, { cause: error });
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Creates the PostgreSQL driver over `pool` (owned by the caller). @internal */
export function createPostgresqlRegistryDriver(pool: Pool): RegistryDriver {
  /** Runs `work` on one pooled connection between `begin` and COMMIT; rolls back when it fails. */
  const inTransaction = async <T>(begin: string, work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    provider: 'postgresql',
    async insertRows(inserts) {
      const nonEmpty = insertsToRun(inserts);
      if (nonEmpty.length === 0) return;
      const statements = nonEmpty.flatMap((insert) => chunkStatements(insert, (index) => `$${index}`, toPostgresqlValue));
      if (statements.length === 1) {
        const [only] = statements as [Statement];
        await pool.query(only.sql, only.values);
        return;
      }
      await inTransaction('BEGIN', async (client) => {
        for (const statement of statements) await client.query(statement.sql, statement.values);
      });
    },
    readConsistent: (queries) =>
      inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY', async (client) => {
        const results: SqlRow[][] = [];
        for (const sql of queries) results.push((await client.query(sql)).rows as SqlRow[]);
        return results;
      }),
    async close() {
      // The pool belongs to the registry, which ends it after the Prisma client.
    },
  };
}

/** One statement of a chunked insert. @internal */
export interface Statement {
  readonly sql: string;
  readonly values: unknown[];
}

/** Splits `insert` into multi-row statements under {@link MAX_BOUND_PARAMETERS}; `placeholder(n)` is the n-th (1-based). @internal */
export function chunkStatements(insert: MultiRowInsert, placeholder: (index: number) => string, toValue: (value: SqlValue) => unknown): Statement[] {
  const { columns, rows, suffix } = insert;
  const rowsPerStatement = Math.floor(MAX_BOUND_PARAMETERS / columns.length);
  const head = `${insertHead(insert)} `;
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(start, start + rowsPerStatement)) {
      const placeholders: string[] = [];
      for (const value of row) {
        values.push(toValue(value));
        placeholders.push(placeholder(values.length));
      }
      tuples.push(`(${placeholders.join(', ')})`);
    }
    statements.push({ sql: `${head}${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`, values });
  }
  return statements;
}

/** A value as Prisma's better-sqlite3 adapter binds it (its default `iso8601` timestamps, booleans as 0/1). @internal */
export function toSqliteValue(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** A value as Prisma's pg adapter binds it (timestamps as UTC `YYYY-MM-DD HH:MM:SS[.mmm]`). @internal */
export function toPostgresqlValue(value: SqlValue): string | number | boolean | null {
  if (!(value instanceof Date)) return value;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const ms = value.getUTCMilliseconds();
  return (
    `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ` +
    `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}${ms ? `.${String(ms).padStart(3, '0')}` : ''}`
  );
}

/**
 * A timestamp selected as text (`CAST(column AS TEXT)`): SQLite holds what Prisma wrote (ISO 8601 with an
 * offset, or a number of ms when written as `unixepoch-ms`), PostgreSQL's `timestamp(3)` prints
 * `YYYY-MM-DD HH:MM:SS[.fff]`, which Prisma writes in UTC. `null` stays `null`; text that is not a timestamp is
 * `Invalid Date`, for the caller to treat fail-closed. @internal
 */
export function parseStoredTimestamp(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return new Date(Number(text));
  const withT = text.replace(' ', 'T');
  return new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(withT) ? withT : `${withT}Z`);
}

function messageOf(error: unknown): string {
  return error instanceof Object && 'message' in error ? String(error.message) : String(error);
}
