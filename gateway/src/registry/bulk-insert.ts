/**
 * Inserts many rows with one statement per few thousand rows: the rows go in
 * as a single JSON parameter that the database unpacks (`json_each` in
 * SQLite, `json_to_recordset` in PostgreSQL). Prisma's `createMany` costs
 * about 0.2 ms a row here, which makes the 57,000-row scale seed take
 * longer than a test may; this takes a few hundred milliseconds.
 * Only for trusted, generated rows (seeds): table and column names are
 * interpolated and must be constants.
 * @internal
 */
import type { Registry } from './open-registry';

/** A column of {@link bulkInsert}: its name and PostgreSQL type. @internal */
export interface BulkColumn {
  readonly name: string;
  readonly type: 'text' | 'integer' | 'boolean' | 'timestamp';
}

const ROWS_PER_STATEMENT = 1_000;

/** Inserts `rows` into `table`, all statements in one transaction. @internal */
export async function bulkInsert(
  registry: Pick<Registry, 'prisma' | 'provider'>,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, string | number | boolean | Date | null>[],
): Promise<void> {
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const sql =
    registry.provider === 'sqlite'
      ? `INSERT INTO "${table}" (${names}) SELECT ${columns.map((c) => `json_extract(value, '$.${c.name}')`).join(', ')} FROM json_each(?)`
      : `INSERT INTO "${table}" (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS rows(${columns
          .map((c) => `"${c.name}" ${c.type === 'timestamp' ? 'timestamp(3)' : c.type}`)
          .join(', ')})`;
  const encode = (value: string | number | boolean | Date | null) => {
    if (value instanceof Date) return registry.provider === 'sqlite' ? value.toISOString().replace('Z', '+00:00') : value.toISOString();
    if (typeof value === 'boolean' && registry.provider === 'sqlite') return value ? 1 : 0;
    return value;
  };
  // One statement at a time in one transaction: only one chunk's JSON exists at once, and Prisma's
  // query compiler (WebAssembly, whose memory never shrinks) sees one chunk, not the whole table.
  await registry.prisma.$transaction(
    async (tx) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
          const out: Record<string, unknown> = {};
          for (const column of columns) out[column.name] = encode(row[column.name] ?? null);
          return out;
        });
        await tx.$executeRawUnsafe(sql, JSON.stringify(chunk));
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
