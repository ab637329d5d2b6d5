/**
 * The electronic licence library's tables, as the legacy system defined
 * them, for SQLite and PostgreSQL. Dates are ISO `YYYY-MM-DD` text in both
 * engines (as the legacy system stored them), so they sort and compare
 * correctly as strings and read back identically from either engine.
 */

/** Bumped whenever the DDL changes, so an existing SQLite file is re-seeded. */
export const LICENCE_LIBRARY_SCHEMA_VERSION = 1;

/** Default PostgreSQL schema the tables are created in. */
export const DEFAULT_LICENCE_LIBRARY_SCHEMA = 'licence_library';

/** Column order of `licence_types` (and of its insert statements). */
export const LICENCE_TYPE_COLUMNS = Object.freeze(['code', 'name', 'issuer', 'holder_kind', 'validity_years'] as const);

/** Column order of `licences` (and of its insert statements). */
export const LICENCE_COLUMNS = Object.freeze(['number', 'type_code', 'holder_kind', 'holder_id', 'holder_name', 'issuer', 'issued_on', 'expires_on', 'status', 'revoked_reason'] as const);

/** Tables; `qualify` prefixes names with a schema (PostgreSQL) or not (SQLite). */
export function licenceLibraryTables(qualify: (name: string) => string, dialect: 'sqlite' | 'postgres'): string[] {
  const date = dialect === 'postgres' ? 'varchar(10)' : 'TEXT';
  const text = dialect === 'postgres' ? 'varchar(200)' : 'TEXT';
  const key = dialect === 'postgres' ? 'varchar(40)' : 'TEXT';
  return [
    `CREATE TABLE ${qualify('meta')} (key ${key} PRIMARY KEY, value TEXT NOT NULL)`,
    `CREATE TABLE ${qualify('licence_types')} (
      code ${key} PRIMARY KEY,
      name ${text} NOT NULL,
      issuer ${text} NOT NULL,
      holder_kind ${key} NOT NULL CHECK (holder_kind IN ('person', 'enterprise')),
      validity_years INTEGER CHECK (validity_years IS NULL OR validity_years > 0)
    )`,
    `CREATE TABLE ${qualify('licences')} (
      number ${key} PRIMARY KEY,
      type_code ${key} NOT NULL REFERENCES ${qualify('licence_types')} (code),
      holder_kind ${key} NOT NULL CHECK (holder_kind IN ('person', 'enterprise')),
      holder_id ${key} NOT NULL,
      holder_name ${text} NOT NULL,
      issuer ${text} NOT NULL,
      issued_on ${date} NOT NULL,
      expires_on ${date},
      status ${key} NOT NULL CHECK (status IN ('valid', 'revoked', 'expired')),
      revoked_reason ${text}
    )`,
  ];
}

/** Indexes, created after the bulk load (faster than maintaining them row by row). */
export function licenceLibraryIndexes(qualify: (name: string) => string): string[] {
  return [
    `CREATE INDEX licences_holder_id_idx ON ${qualify('licences')} (holder_id)`,
    `CREATE INDEX licences_type_code_idx ON ${qualify('licences')} (type_code)`,
  ];
}
