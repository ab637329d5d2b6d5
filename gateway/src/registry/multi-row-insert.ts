/**
 * Writes rows with parameterised multi-row `INSERT`s. The hot writes of the
 * gateway (audit batches, usage counters) go this way: on the driver itself
 * when `openRegistry` attached a {@link RegistryDriver} to the client (see
 * `registry-driver.ts`: Prisma maps every bound value, which cost more than
 * the insert), otherwise through `$executeRawUnsafe` with positional
 * parameters (never `createMany`/`upsert`, which run every call through
 * Prisma's WebAssembly query compiler). Chunks stay under SQLite's 32,766
 * bound parameters (PostgreSQL allows 65,535), and several chunks run in one
 * transaction, so a batch is stored whole or not at all. Values go in as
 * parameters, never into the SQL text; table, column names and the conflict
 * clause are interpolated and must be constants of the caller.
 * @internal
 */
import type { RegistryClient } from './registry-client';
import type { RegistryProvider } from './registry-provider';
import { checkRowWidths, chunkStatements, registryDriverOf, type MultiRowInsert } from './registry-driver';

export { MAX_BOUND_PARAMETERS, type MultiRowInsert, type SqlValue } from './registry-driver';

/** Inserts the rows; more than one statement runs in one transaction. @internal */
export async function multiRowInsert(prisma: RegistryClient, provider: RegistryProvider, insert: MultiRowInsert): Promise<void> {
  if (insert.rows.length === 0) return;
  const driver = registryDriverOf(prisma);
  if (driver) return driver.insertRows(insert);
  checkRowWidths(insert);
  // Prisma converts `Date` to each provider's timestamp format itself.
  const statements = chunkStatements(insert, (index) => (provider === 'sqlite' ? '?' : `$${index}`), (value) => value).map((statement) =>
    prisma.$executeRawUnsafe(statement.sql, ...statement.values),
  );
  if (statements.length === 1) await statements[0];
  else await prisma.$transaction(statements);
}
