/**
 * Opens the registry database: picks the generated client and driver adapter
 * of the URL's provider, applies pending migrations first (at gateway start,
 * as the issue asks), and returns the client and a `close()`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { readMigrationList } from './read-migration-list';
import { migrationsDirOf } from './registry-provider';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { GW_ERRORS } from '../errors';
import type { Logger } from '../logger';
import { PrismaClient as PostgresqlPrismaClient } from './generated/postgresql/client';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';
import { applyRegistryMigrations, type AppliedRegistryMigrations } from './migrate';
import { parseRegistryUrl, type PostgresqlRegistryLocation, type SqliteRegistryLocation } from './parse-registry-url';
import type { RegistryClient } from './registry-client';
import type { RegistryProvider } from './registry-provider';
import { attachRegistryDriver, createPostgresqlRegistryDriver, createSqliteRegistryDriver, type RegistryDriver } from './registry-driver';

/** Options of {@link openRegistry}. */
export interface OpenRegistryOptions {
  /** `file:./.data/registry.db`, `sqlite::memory:`, `postgresql://user@host/db?schema=registry`. */
  readonly url: string;
  /** PostgreSQL schema, instead of `?schema=` in the URL. @default 'public' */
  readonly schema?: string;
  /** Apply pending migrations before returning. @default true */
  readonly migrate?: boolean;
  /** @default none */
  readonly logger?: Pick<Logger, 'debug' | 'info'>;
  /** Largest number of PostgreSQL connections. @default 10 */
  readonly maxConnections?: number;
}

/** An open registry database. */
export interface Registry {
  /** The Prisma client of the registry's provider. */
  readonly prisma: RegistryClient;
  readonly provider: RegistryProvider;
  /** What the migration step did (empty when `migrate: false`). */
  readonly migrations: AppliedRegistryMigrations;
  /** Disconnects the client and closes the connections. */
  close(): Promise<void>;
}

/**
 * Opens the registry at `options.url`, migrating it first.
 * @throws GatewayError `GW_CONFIG_INVALID` for a bad URL, `GW_REGISTRY_UNAVAILABLE`
 *   when the database cannot be reached or migrated
 */
export async function openRegistry(options: OpenRegistryOptions): Promise<Registry> {
  const location = parseRegistryUrl(options.url, options.schema);
  try {
    return location.provider === 'sqlite' ? await openSqlite(location, options) : await openPostgresql(location, options);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'GW_CONFIG_INVALID') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw GW_ERRORS.GW_REGISTRY_UNAVAILABLE.err(`The registry (${location.provider}) cannot be opened or migrated: ${reason}`, {
      cause: error,
    });
  }
}

/** How long a SQLite connection waits for a lock held by another connection or process. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

async function openSqlite(location: SqliteRegistryLocation, options: OpenRegistryOptions): Promise<Registry> {
  if (location.file !== ':memory:') mkdirSync(dirname(location.file), { recursive: true });
  // `:memory:` is private to one connection: the engine's connection and the client's would see different databases.
  if (location.file === ':memory:' && options.migrate !== false) {
    throw new Error('an in-memory SQLite registry cannot be migrated over a second connection; use a file');
  }
  const migrations: AppliedRegistryMigrations =
    options.migrate === false || sqliteMigrationsUpToDate(location.file)
      ? { applied: [] }
      : await applyRegistryMigrations({
          provider: 'sqlite',
          // Wait for a lock held by another replica migrating or writing at the same moment, instead of failing.
          adapterFactory: new PrismaBetterSqlite3({ url: location.file, timeout: 10_000 }),
          logger: options.logger,
        });
  const prisma = new SqlitePrismaClient({ adapter: new PrismaBetterSqlite3({ url: location.file, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  let driver: RegistryDriver | undefined;
  try {
    if (location.file === ':memory:') {
      await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    } else {
      // The hot paths' own connection (registry-driver.ts); an in-memory database has no second connection.
      const db = new Database(location.file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
      // WAL (a property of the file, for every connection): gateway readers and admin writers, other
      // processes too, do not block each other. Set here, the gateway need not start Prisma's query compiler.
      db.pragma('journal_mode = WAL');
      driver = createSqliteRegistryDriver(db);
      attachRegistryDriver(prisma as unknown as RegistryClient, driver);
    }
  } catch (error) {
    await driver?.close();
    await prisma.$disconnect();
    throw error;
  }
  return {
    prisma,
    provider: 'sqlite',
    migrations,
    async close() {
      try {
        await prisma.$disconnect();
      } finally {
        await driver?.close();
      }
    },
  };
}

/**
 * Whether every migration of the folder is recorded as finished in the file,
 * read without taking a write lock. A second replica starting beside a running
 * one then skips the schema engine, whose bookkeeping table check needs the
 * write lock the running replica may hold at that moment.
 */
function sqliteMigrationsUpToDate(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  const names = readMigrationList(migrationsDirOf('sqlite')).migrationDirectories.map((directory) => directory.path);
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = '_prisma_migrations'").get();
    if (!table) return false;
    const done = new Set(
      (db.prepare('select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null').all() as { migration_name: string }[]).map(
        (row) => row.migration_name,
      ),
    );
    return names.every((name) => done.has(name));
  } finally {
    db.close();
  }
}

async function openPostgresql(location: PostgresqlRegistryLocation, options: OpenRegistryOptions): Promise<Registry> {
  // Unqualified names in the migrations and in the client's queries resolve in the registry's schema.
  const connection = { connectionString: location.connectionString, options: `-c search_path="${location.schema}"` };
  const pool = new Pool({ ...connection, max: options.maxConnections ?? 10 });
  pool.on('error', () => undefined); // an idle connection dropped by the server; the next query reconnects
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${location.schema}"`);
    const migrations: AppliedRegistryMigrations =
      options.migrate === false
        ? { applied: [] }
        : await applyRegistryMigrations({
            provider: 'postgresql',
            // Its own connection, closed afterwards: the engine holds Prisma's migration advisory lock
            // for the life of the session, and a pooled session would keep other replicas waiting.
            adapterFactory: new PrismaPg({ ...connection, max: 1 }, { schema: location.schema }),
            logger: options.logger,
          });
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg(pool, { schema: location.schema }) });
    const prisma = client as unknown as RegistryClient;
    attachRegistryDriver(prisma, createPostgresqlRegistryDriver(pool));
    return {
      prisma,
      provider: 'postgresql',
      migrations,
      async close() {
        await client.$disconnect();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
