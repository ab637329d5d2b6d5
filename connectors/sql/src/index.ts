export {
  sqlSource,
  type SqlSource,
  type SqlQueryOptions,
  type SqlQueryByKeysOptions,
  type SqlSourceStats,
} from './connector';
export {
  parseSqlSourceConfig,
  isSqliteSourceConfig,
  isPostgresSourceConfig,
  SQLITE_MEMORY_URL,
  type SqlSourceConfig,
  type SqliteSourceConfig,
  type PostgresSourceConfig,
  type SqlDialect,
} from './config';
export type { SqlKey } from './client';
export type { SqlFailure } from './mapping';
