/**
 * Writes rows with one parameterised multi-row `INSERT` per chunk, through
 * `$executeRawUnsafe` with positional parameters. The hot writes of the
 * gateway (audit batches, usage counters) go this way: Prisma's `createMany`
 * and `upsert` run every call through its WebAssembly query compiler, which
 * cost about 4–5 % of the policy gateway's CPU under load; a raw statement
 * skips it. Chunks stay under SQLite's 32,766 bound parameters (PostgreSQL
 * allows 65,535), and several chunks run in one transaction, so a batch is
 * stored whole or not at all. Values go in as parameters, never into the SQL
 * text; table, column names and the conflict clause are interpolated and must
 * be constants of the caller.
 * @internal
 */
import type { RegistryClient } from './registry-client';
import type { RegistryProvider } from './registry-provider';

/** A value bound to a placeholder (Prisma converts `Date` to each provider's timestamp format). @internal */
export type SqlValue = string | number | boolean | Date | null;

/** A statement of {@link multiRowInsert}. @internal */
export interface MultiRowInsert {
  /** Quoted as given: a constant. */
  readonly table: string;
  /** Quoted as given: constants. */
  readonly columns: readonly string[];
  /** One array per row, values in the order of `columns`. */
  readonly rows: readonly (readonly SqlValue[])[];
  /** SQL after the `VALUES` list (e.g. `ON CONFLICT … DO UPDATE …`), the same on both providers: a constant. */
  readonly suffix?: string;
}

/** SQLite's bound-parameter limit (SQLITE_MAX_VARIABLE_NUMBER since 3.32), the lower of the two providers'. @internal */
export const MAX_BOUND_PARAMETERS = 32_766;

/** Inserts the rows; more than one statement runs in one transaction. @internal */
export async function multiRowInsert(prisma: RegistryClient, provider: RegistryProvider, insert: MultiRowInsert): Promise<void> {
  const { table, columns, rows, suffix } = insert;
  if (rows.length === 0) return;
  const width = columns.length;
  const rowsPerStatement = Math.floor(MAX_BOUND_PARAMETERS / width);
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `;
  const statements = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const values: SqlValue[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      if (row.length !== width) throw new Error(`multiRowInsert: a row of ${table} has ${row.length} values for ${width} columns`);
      const placeholders: string[] = [];
      for (const value of row) {
        values.push(value);
        placeholders.push(provider === 'sqlite' ? '?' : `$${values.length}`);
      }
      tuples.push(`(${placeholders.join(', ')})`);
    }
    statements.push(prisma.$executeRawUnsafe(`${head}${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`, ...values));
  }
  if (statements.length === 1) await statements[0];
  else await prisma.$transaction(statements);
}
