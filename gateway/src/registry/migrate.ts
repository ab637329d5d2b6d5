/**
 * Applies the registry's pending migrations at gateway start, through the
 * WebAssembly schema engine over the gateway's own driver adapter: no native
 * engine, no network. It is Prisma's `applyMigrations` (the command behind
 * `prisma migrate deploy`), so it keeps the same `_prisma_migrations` table,
 * refuses edited or failed migrations the same way, and is idempotent: a site
 * with internet access may use `prisma migrate deploy` on the same database.
 */
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Logger } from '../logger';
import { readMigrationList } from './read-migration-list';
import { migrationsDirOf, type RegistryProvider } from './registry-provider';
import { withSchemaEngine } from './schema-engine';

/** Options of {@link applyRegistryMigrations}. */
export interface ApplyRegistryMigrationsOptions {
  /** Which migrations folder to apply (must match the adapter's database). */
  readonly provider: RegistryProvider;
  /** The database to migrate. */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** @default `gateway/prisma/migrations/<provider>` */
  readonly migrationsDir?: string;
  /** Gets the names of the migrations applied (info) and engine logs (debug). @default none */
  readonly logger?: Pick<Logger, 'debug' | 'info'>;
}

/** What {@link applyRegistryMigrations} did. */
export interface AppliedRegistryMigrations {
  /** Names of the migrations applied now, oldest first; empty when the database was up to date. */
  readonly applied: readonly string[];
}

/**
 * Applies every migration of the provider's folder that the database has not
 * recorded in `_prisma_migrations` yet.
 * @throws the engine's error (e.g. P3009 failed migration, P3018 SQL error) when a migration cannot be applied
 */
export async function applyRegistryMigrations(options: ApplyRegistryMigrationsOptions): Promise<AppliedRegistryMigrations> {
  const migrationsList = readMigrationList(options.migrationsDir ?? migrationsDirOf(options.provider));
  const logger = options.logger;
  // The engine never disposes the connections it opens: track them and close them here, so the
  // client opened next does not wait on a SQLite lock or a pooled PostgreSQL connection.
  const opened: SqlDriverAdapter[] = [];
  const factory = options.adapterFactory;
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  try {
    const { appliedMigrationNames } = await withSchemaEngine(
      {
        adapterFactory: {
          provider: factory.provider,
          adapterName: factory.adapterName,
          connect: () => track(() => factory.connect()),
          connectToShadowDb: () => track(() => factory.connectToShadowDb()),
        },
        onLog: logger ? (line) => logger.debug({ engine: line }, 'schema engine') : undefined,
      },
      (engine) => engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
    );
    if (appliedMigrationNames.length > 0) {
      logger?.info({ provider: options.provider, migrations: appliedMigrationNames }, 'registry migrations applied');
    }
    return { applied: appliedMigrationNames };
  } finally {
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}
