/**
 * The registry's hot writes (audit batches, usage counters) on the database
 * driver itself, beside the Prisma client. Prisma's raw statements still map
 * every bound value through its client runtime and driver adapter: for a
 * batch of audit records that cost more CPU than SQLite's insert itself
 * (about 15 µs per record of 16 values, against about 10 µs for the insert;
 * bench/README.md). `openRegistry` attaches a writer to the client it
 * returns; {@link multiRowInsert} uses it when there is one and falls back to
 * `$executeRawUnsafe` otherwise (a client made elsewhere).
 *
 * - SQLite: a second better-sqlite3 connection to the same file (WAL, the
 *   client's busy timeout); one prepared single-row statement per (table,
 *   columns, suffix), every row of a batch in one transaction.
 * - PostgreSQL: the pool the Prisma adapter uses; multi-row `INSERT`s, chunked
 *   under the bind-parameter limit, in one transaction when there is more
 *   than one chunk.
 *
 * `Date` values are written exactly as Prisma's adapters write them
 * (SQLite: ISO 8601 with `+00:00`; PostgreSQL: `YYYY-MM-DD HH:MM:SS[.mmm]` in
 * UTC), so rows read back through Prisma are the same either way.
 * @internal
 */
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
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

/** Writes rows on the driver. @internal */
export interface RegistryWriter {
  readonly provider: RegistryProvider;
  /** Inserts every row, all or none. */
  insertRows(insert: MultiRowInsert): Promise<void>;
  close(): Promise<void>;
}

/** SQLite's bound-parameter limit (SQLITE_MAX_VARIABLE_NUMBER since 3.32), the lower of the two providers'. @internal */
export const MAX_BOUND_PARAMETERS = 32_766;

const writers = new WeakMap<object, RegistryWriter>();

/** Makes `writer` the one {@link registryWriterOf} returns for `prisma`. @internal */
export function attachRegistryWriter(prisma: RegistryClient, writer: RegistryWriter): void {
  writers.set(prisma, writer);
}

/** The writer `openRegistry` attached to `prisma`, if any. @internal */
export function registryWriterOf(prisma: RegistryClient): RegistryWriter | undefined {
  return writers.get(prisma);
}

/** Checks that every row has one value per column. @throws Error */
export function checkRowWidths(insert: MultiRowInsert): void {
  const width = insert.columns.length;
  for (const row of insert.rows) {
    if (row.length !== width) throw new Error(`multiRowInsert: a row of ${insert.table} has ${row.length} values for ${width} columns`);
  }
}

/** Creates the SQLite writer over its own connection `db` (which it closes). @internal */
export function createSqliteRegistryWriter(db: Database.Database): RegistryWriter {
  const statements = new Map<string, Database.Statement>();
  const statementFor = (insert: MultiRowInsert): Database.Statement => {
    const sql = `INSERT INTO "${insert.table}" (${insert.columns.map((column) => `"${column}"`).join(', ')}) VALUES (${insert.columns
      .map(() => '?')
      .join(', ')})${insert.suffix ? ` ${insert.suffix}` : ''}`;
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const insertAll = db.transaction((statement: Database.Statement, rows: readonly (readonly SqlValue[])[]) => {
    for (const row of rows) statement.run(row.map(toSqliteValue));
  });
  return {
    provider: 'sqlite',
    async insertRows(insert) {
      if (insert.rows.length === 0) return;
      checkRowWidths(insert);
      try {
        insertAll(statementFor(insert), insert.rows);
      } catch (error) {
        // Rethrown as an Error of this realm: better-sqlite3 builds its errors with the SqliteError class of the
        // first context that loaded the native addon (jest runs each test file in a context of its own).
        throw new Error(`SQLite insert into ${insert.table} failed: ${error instanceof Object && 'message' in error ? String(error.message) : String(error)}`, {
          cause: error,
        });
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Creates the PostgreSQL writer over `pool` (owned by the caller). @internal */
export function createPostgresqlRegistryWriter(pool: Pool): RegistryWriter {
  return {
    provider: 'postgresql',
    async insertRows(insert) {
      if (insert.rows.length === 0) return;
      checkRowWidths(insert);
      const statements = chunkStatements(insert, (index) => `$${index}`, toPostgresqlValue);
      if (statements.length === 1) {
        const [only] = statements as [Statement];
        await pool.query(only.sql, only.values);
        return;
      }
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const statement of statements) await client.query(statement.sql, statement.values);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
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
  const { table, columns, rows, suffix } = insert;
  const rowsPerStatement = Math.floor(MAX_BOUND_PARAMETERS / columns.length);
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `;
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
