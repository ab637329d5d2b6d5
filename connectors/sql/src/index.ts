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
  isMysqlSourceConfig,
  SQLITE_MEMORY_URL,
  type SqlSourceConfig,
  type SqliteSourceConfig,
  type PostgresSourceConfig,
  type MysqlSourceConfig,
  type SqlDialect,
} from './config';
export { MAX_KEYSET_LIMIT, type SqlKeysetKey, type SqlKeysetQuery, type SqlKeysetPage } from './keyset';
export type { SqlKey } from './client';
export type { SqlFailure } from './mapping';
