/**
 * Creates the licence library inside its own PostgreSQL schema (dropped and
 * recreated, so each test can use a schema of its own) and seeds it in one
 * transaction with multi-row INSERTs of 1000 rows (10 000 parameters per
 * statement, well under PostgreSQL's 65 535).
 */
import { Client } from 'pg';
import { LICENCE_COLUMNS, LICENCE_LIBRARY_SCHEMA_VERSION, LICENCE_TYPE_COLUMNS, licenceLibraryIndexes, licenceLibraryTables } from './licence-library-schema';
import { licenceLibraryMeta, licenceRow, licenceTypeRow, type LicenceLibraryData } from './licence-rows';

/** Rows per INSERT statement. */
export const POSTGRES_INSERT_BATCH = 1000;

/** Valid unquoted PostgreSQL identifiers accepted as schema names. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** Connects, recreates `schema` and seeds it; returns the connected client. */
export async function seedPostgresLicenceLibrary(url: string, schema: string, data: LicenceLibraryData): Promise<Client> {
  if (!SCHEMA_NAME_PATTERN.test(schema)) throw new TypeError(`schema must match ${SCHEMA_NAME_PATTERN}, got ${JSON.stringify(schema)}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  const qualify = (name: string): string => `"${schema}".${name}`;
  try {
    await client.query('BEGIN');
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`CREATE SCHEMA "${schema}"`);
    for (const ddl of licenceLibraryTables(qualify, 'postgres')) await client.query(ddl);
    await insertRows(client, qualify('licence_types'), LICENCE_TYPE_COLUMNS, data.licenceTypes.map(licenceTypeRow));
    await insertRows(client, qualify('licences'), LICENCE_COLUMNS, data.licences.map(licenceRow));
    for (const ddl of licenceLibraryIndexes(qualify)) await client.query(ddl);
    await insertRows(client, qualify('meta'), ['key', 'value'], Object.entries(licenceLibraryMeta(data, LICENCE_LIBRARY_SCHEMA_VERSION)));
    await client.query('COMMIT');
    return client;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
    throw error;
  }
}

async function insertRows(client: Client, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  for (let start = 0; start < rows.length; start += POSTGRES_INSERT_BATCH) {
    const batch = rows.slice(start, start + POSTGRES_INSERT_BATCH);
    const values = batch.map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat());
  }
}
