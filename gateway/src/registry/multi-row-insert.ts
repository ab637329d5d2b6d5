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
 * clause are interpolated and must be constants of the caller. Several inserts
 * of one call (the audit's coordinate sets, then the records naming them) run
 * in order in one transaction.
 * @internal
 */
import type { RegistryClient } from './registry-client';
import type { RegistryProvider } from './registry-provider';
import { chunkStatements, insertsToRun, registryDriverOf, type MultiRowInsert } from './registry-driver';

export { MAX_BOUND_PARAMETERS, type MultiRowInsert, type SqlValue } from './registry-driver';

/** Inserts the rows of every insert, in order; more than one statement runs in one transaction. @internal */
export async function multiRowInsert(prisma: RegistryClient, provider: RegistryProvider, ...inserts: readonly MultiRowInsert[]): Promise<void> {
  const driver = registryDriverOf(prisma);
  // The driver skips empty inserts and checks row widths itself.
  if (driver) return driver.insertRows(inserts);
  const nonEmpty = insertsToRun(inserts);
  if (nonEmpty.length === 0) return;
  // Prisma converts `Date` to each provider's timestamp format itself.
  const statements = nonEmpty
    .flatMap((insert) => chunkStatements(insert, (index) => (provider === 'sqlite' ? '?' : `$${index}`), (value) => value))
    .map((statement) => prisma.$executeRawUnsafe(statement.sql, ...statement.values));
  if (statements.length === 1) await statements[0];
  else await prisma.$transaction(statements);
}
