/**
 * Configuration of a SQL source. One URL picks the dialect: SQLite for an
 * embedded file (`file:/abs/path.db`) or `sqlite::memory:`, PostgreSQL for
 * `postgresql://…`, MySQL/MariaDB for `mysql://…` or `mariadb://…`. The
 * parsed config is a discriminated union on `dialect`.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  booleanOption,
  capabilityManifestInputSchema,
  findCapabilityConflicts,
  integerOption,
  parseConfig,
  resolveCapabilities,
  type CapabilityManifest,
  type ParsedCapabilityInput,
} from '@govgraph/sdk';
import { redactUrl } from './redact-url';

/** The SQL dialects this connector speaks. */
export type SqlDialect = 'sqlite' | 'postgres' | 'mysql';

/** The URL of an in-memory SQLite database (tests, demos). */
export const SQLITE_MEMORY_URL = 'sqlite::memory:';

/** Options every dialect shares. */
interface SqlSourceConfigBase {
  /** The legacy system, e.g. `'licence-library'`. Used in logs, errors and `/readyz`. */
  readonly name: string;
  /** Where the database is. Contains credentials for PostgreSQL: never logged unredacted. */
  readonly url: string;
  /**
   * Open the database read-only: a connector reads a department's database,
   * and a write through it is a mistake.
   * @default true (false for `sqlite::memory:`, which starts empty)
   */
  readonly readonly: boolean;
  /**
   * How long one statement may take. PostgreSQL enforces it on the server
   * (`statement_timeout`) and the client; SQLite uses it as its busy timeout.
   * It also bounds the wait for a slot and between retries. A shortcut for
   * `capabilities.timeoutMs` (giving both with different values is an error).
   * @default 5000
   */
  readonly timeoutMs: number;
  /**
   * The most keys `queryByKeys` puts into one statement; more keys are split
   * over several statements.
   * @default 500
   */
  readonly maxKeysPerStatement: number;
  /**
   * The capability manifest of the database (concurrency cap and queue, retries of SELECTs and of the
   * statements named in `idempotentOperations`, circuit breaker, rate limit, batch size; see the SDK README's
   * "Resilience"), when configured. The effective manifest is `source.capabilities`.
   * @default undefined (the manifest's defaults)
   */
  readonly capabilities?: CapabilityManifest | undefined;
}

/** A SQLite database file (better-sqlite3), or an in-memory one. */
export interface SqliteSourceConfig extends SqlSourceConfigBase {
  readonly dialect: 'sqlite';
  /** Absolute path of the database file, or `':memory:'`. */
  readonly filename: string;
}

/** A PostgreSQL database, reached through a `pg` pool. */
export interface PostgresSourceConfig extends SqlSourceConfigBase {
  readonly dialect: 'postgres';
  /**
   * Size of the connection pool.
   * @default 10
   */
  readonly maxConnections: number;
  /** The `search_path` of every session, e.g. `'licences'` or `'licences,public'`. @default the role's default */
  readonly schema: string | undefined;
}

/** A MySQL or MariaDB database, reached through a `mysql2` pool. */
export interface MysqlSourceConfig extends SqlSourceConfigBase {
  readonly dialect: 'mysql';
  /**
   * Size of the connection pool.
   * @default 10
   */
  readonly maxConnections: number;
}

/** A parsed, frozen SQL source config. Build it with {@link parseSqlSourceConfig}. */
export type SqlSourceConfig = SqliteSourceConfig | PostgresSourceConfig | MysqlSourceConfig;

/** Narrows a config to SQLite. */
export function isSqliteSourceConfig(config: SqlSourceConfig): config is SqliteSourceConfig {
  return config.dialect === 'sqlite';
}

/** Narrows a config to PostgreSQL. */
export function isPostgresSourceConfig(config: SqlSourceConfig): config is PostgresSourceConfig {
  return config.dialect === 'postgres';
}

/** Narrows a config to MySQL/MariaDB. */
export function isMysqlSourceConfig(config: SqlSourceConfig): config is MysqlSourceConfig {
  return config.dialect === 'mysql';
}

const URL_HELP = 'must be file:/absolute/path.db, sqlite::memory:, postgresql://user@host:port/database or mysql://user@host:port/database';
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SCHEMA_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*$/;

const inputSchema = z
  .strictObject({
    name: z.string().regex(NAME_PATTERN, 'must be 1–64 letters, digits, ".", "_" or "-"'),
    url: z.string().refine((url) => dialectOf(url) !== undefined, URL_HELP),
    readonly: booleanOption().optional(),
    timeoutMs: integerOption(1, 600_000).optional(),
    maxKeysPerStatement: integerOption(1, 10_000).default(500),
    maxConnections: integerOption(1, 1000).optional(),
    schema: z.string().regex(SCHEMA_PATTERN, 'must be a comma-separated list of plain identifiers').optional(),
    capabilities: capabilityManifestInputSchema.optional(),
  })
  .superRefine(
    (input, ctx) => {
      const dialect = typeof input.url === 'string' ? dialectOf(input.url) : undefined;
      if (dialect === 'sqlite') {
        for (const option of ['maxConnections', 'schema'] as const) {
          if (input[option] !== undefined) {
            ctx.addIssue({ code: 'custom', path: [option], input: input[option], message: 'applies to PostgreSQL only' });
          }
        }
        if (input.url === SQLITE_MEMORY_URL && input.readonly === true) {
          ctx.addIssue({ code: 'custom', path: ['readonly'], input: true, message: 'an in-memory SQLite database cannot be read-only' });
        }
      }
      const capabilities = input.capabilities as ParsedCapabilityInput | undefined;
      if (typeof capabilities === 'object' && capabilities !== null) {
        const timeoutMs = typeof input.timeoutMs === 'number' ? input.timeoutMs : undefined;
        for (const { path, message, value } of findCapabilityConflicts(capabilities, { timeoutMs })) {
          ctx.addIssue({ code: 'custom', path, input: value, message });
        }
      }
      if (dialect === 'mysql' && input.schema !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['schema'], input: input.schema, message: 'applies to PostgreSQL only (name the MySQL database in the URL)' });
      }
    },
    // Run even when other options are invalid, so every problem is reported at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform((input): SqlSourceConfig => {
    const manifest = resolveCapabilities(input.capabilities, { timeoutMs: input.timeoutMs });
    const common = {
      name: input.name,
      url: input.url,
      timeoutMs: manifest.timeoutMs,
      maxKeysPerStatement: input.maxKeysPerStatement,
      ...(input.capabilities ? { capabilities: manifest } : {}),
    };
    if (dialectOf(input.url) === 'sqlite') {
      const memory = input.url === SQLITE_MEMORY_URL;
      return {
        ...common,
        dialect: 'sqlite',
        readonly: input.readonly ?? !memory,
        filename: memory ? ':memory:' : fileURLToPath(new URL(input.url)),
      };
    }
    if (dialectOf(input.url) === 'mysql') {
      return { ...common, dialect: 'mysql', readonly: input.readonly ?? true, maxConnections: input.maxConnections ?? 10 };
    }
    return {
      ...common,
      dialect: 'postgres',
      readonly: input.readonly ?? true,
      maxConnections: input.maxConnections ?? 10,
      schema: input.schema,
    };
  });

/**
 * Validates a SQL source config (from code or environment strings) and
 * returns it frozen, with defaults applied. Throws a `ConfigError` naming
 * every bad option and its value (passwords in `url` redacted).
 */
export function parseSqlSourceConfig(input: unknown): SqlSourceConfig {
  return parseConfig(inputSchema, input, 'SQL source', (option, value) =>
    option === 'url' && typeof value === 'string' ? JSON.stringify(redactUrl(value)) : undefined,
  );
}

/** The dialect a URL names, or `undefined` for an unsupported or malformed URL. */
function dialectOf(url: string): SqlDialect | undefined {
  if (url === SQLITE_MEMORY_URL) return 'sqlite';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'file:') {
    const local = url.startsWith('file:/') && parsed.host === '' && parsed.search === '' && parsed.hash === '';
    return local && parsed.pathname.length > 1 && !parsed.pathname.endsWith('/') ? 'sqlite' : undefined;
  }
  if (parsed.protocol === 'postgresql:' || parsed.protocol === 'postgres:') {
    const host = parsed.hostname !== '' || parsed.searchParams.has('host');
    return host && parsed.pathname.length > 1 ? 'postgres' : undefined;
  }
  if (parsed.protocol === 'mysql:' || parsed.protocol === 'mariadb:') {
    const database = parsed.pathname.slice(1);
    return parsed.hostname !== '' && database !== '' && !database.includes('/') ? 'mysql' : undefined;
  }
  return undefined;
}
