/**
 * Fresh registries for tests: a SQLite file in a new temporary directory, and
 * (when GOVGRAPH_TEST_POSTGRES_URL is set) a PostgreSQL schema unique to the
 * run, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL server of the tests, or undefined (PostgreSQL tests skipped). */
export const postgresUrl = process.env['GOVGRAPH_TEST_POSTGRES_URL'];

/** A place for a registry and how to remove it. */
export interface TestRegistryLocation {
  readonly provider: 'sqlite' | 'postgresql';
  readonly url: string;
  /** Removes the file or drops the schema. */
  cleanup(): Promise<void>;
}

/** A registry URL of a new SQLite file. */
export function sqliteLocation(): TestRegistryLocation {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-registry-'));
  return {
    provider: 'sqlite',
    url: `file:${join(dir, 'registry.db')}`,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A registry URL of a new PostgreSQL schema (requires {@link postgresUrl}). */
export function postgresqlLocation(): TestRegistryLocation {
  if (!postgresUrl) throw new Error('GOVGRAPH_TEST_POSTGRES_URL is not set');
  const schema = `registry_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  return {
    provider: 'postgresql',
    url: url.toString(),
    async cleanup() {
      const client = new Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The locations to run a provider-independent test on: SQLite always, PostgreSQL when configured. */
export function testLocations(): [string, () => TestRegistryLocation][] {
  const locations: [string, () => TestRegistryLocation][] = [['sqlite', sqliteLocation]];
  if (postgresUrl) locations.push(['postgresql', postgresqlLocation]);
  return locations;
}
