/**
 * Where the registry lives, from one URL (the `DATABASE_URL` convention):
 * `file:<path>` or `sqlite:<path>` for SQLite (relative paths from the working
 * directory; `:memory:` for a private in-memory database), or
 * `postgresql://…` / `postgres://…` for PostgreSQL, with an optional
 * `?schema=<name>` (Prisma's spelling) to keep the registry in its own schema.
 */
import { resolve } from 'node:path';
import { GW_ERRORS } from '../errors';

/** A SQLite registry: a database file (or `:memory:`). */
export interface SqliteRegistryLocation {
  readonly provider: 'sqlite';
  /** Absolute path of the database file, or `:memory:`. */
  readonly file: string;
}

/** A PostgreSQL registry. */
export interface PostgresqlRegistryLocation {
  readonly provider: 'postgresql';
  /** The connection string for `pg`, without Prisma's `schema` parameter. */
  readonly connectionString: string;
  /** The schema holding the registry's tables. @default 'public' */
  readonly schema: string;
}

/** Where the registry lives, by provider. */
export type RegistryLocation = SqliteRegistryLocation | PostgresqlRegistryLocation;

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Parses a registry URL.
 * @param schema PostgreSQL schema; wins over `?schema=` in the URL
 * @throws GatewayError `GW_CONFIG_INVALID` for another scheme, an empty path or an invalid schema name
 */
export function parseRegistryUrl(url: string, schema?: string): RegistryLocation {
  const sqlite = /^(?:file|sqlite):(.*)$/i.exec(url);
  if (sqlite) {
    const path = (sqlite[1] ?? '').replace(/^\/\/(?=\/)/, '');
    if (path === '') throw invalid(url, 'a SQLite URL needs a file path, e.g. file:./.data/registry.db');
    return { provider: 'sqlite', file: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(?:ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalid(url, 'not a valid PostgreSQL URL');
    }
    const chosen = schema ?? parsed.searchParams.get('schema') ?? 'public';
    if (!SCHEMA_NAME.test(chosen)) throw invalid(url, `invalid PostgreSQL schema name ${JSON.stringify(chosen)}`);
    parsed.searchParams.delete('schema');
    return { provider: 'postgresql', connectionString: parsed.toString(), schema: chosen };
  }
  throw invalid(url, 'the registry URL must start with file:, sqlite:, postgresql:// or postgres://');
}

function invalid(url: string, message: string) {
  // Never echo credentials of a connection string.
  const shown = url.replace(/\/\/[^@/]*@/, '//***@');
  return GW_ERRORS.GW_CONFIG_INVALID.err(`Invalid registry URL ${JSON.stringify(shown)}: ${message}`);
}
