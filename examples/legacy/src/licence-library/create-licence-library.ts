/**
 * The electronic licence library (电子证照库) simulator: a real SQL database
 * with the legacy tables, seeded from the dataset. SQLite (a file) is the
 * embedded default; PostgreSQL for production-like runs. It is only a
 * database: the SQL connector opens its own connections and counts its own
 * queries, so this handle has no call counter or fault injector.
 */
import type { Logger } from '@govgraph/sdk';
import type { Dataset } from '../data/types';
import { DEFAULT_LICENCE_LIBRARY_SCHEMA } from './licence-library-schema';
import { parseLicenceDbUrl } from './parse-licence-db-url';
import { seedPostgresLicenceLibrary } from './seed-postgres-licence-library';
import { seedSqliteLicenceLibrary } from './seed-sqlite-licence-library';

/** Options of {@link createLicenceLibrary}. */
export interface LicenceLibraryOptions {
  /** `file:/absolute/path.db` (SQLite, created with its directory) or `postgresql://…`. */
  readonly url: string;
  /** The data to load (a full {@link Dataset} fits). */
  readonly dataset: Pick<Dataset, 'seed' | 'sizes' | 'licenceTypes' | 'licences'>;
  /** PostgreSQL only: the schema holding the tables, dropped and recreated. @default 'licence_library' */
  readonly schema?: string;
  /** Receives one info line after seeding. @default nothing is logged */
  readonly logger?: Logger;
}

/** A seeded licence library. */
export interface LicenceLibraryHandle {
  /** The URL it was created with: give it to the SQL connector. */
  readonly url: string;
  readonly kind: 'sqlite' | 'postgres';
  /** PostgreSQL schema of the tables; `null` for SQLite. */
  readonly schema: string | null;
  /** False when an existing SQLite file already held the same data and seeding was skipped. */
  readonly seeded: boolean;
  /** Closes the library's own connection. Idempotent. The data stays. */
  close(): Promise<void>;
}

/** Creates the schema and loads the dataset's licence types and licences. */
export async function createLicenceLibrary(options: LicenceLibraryOptions): Promise<LicenceLibraryHandle> {
  const location = parseLicenceDbUrl(options.url);
  const started = performance.now();
  const log = (seeded: boolean, schema: string | null): void =>
    options.logger?.info(
      { simulator: 'licence-library', kind: location.kind, schema, seeded, licences: options.dataset.licences.length, ms: Math.round(performance.now() - started) },
      seeded ? 'licence library seeded' : 'licence library already seeded',
    );
  if (location.kind === 'sqlite') {
    if (options.schema !== undefined) throw new TypeError('schema applies to PostgreSQL only');
    const { db, seeded } = seedSqliteLicenceLibrary(location.path, options.dataset);
    log(seeded, null);
    return {
      url: options.url,
      kind: 'sqlite',
      schema: null,
      seeded,
      close: async () => {
        if (db.open) db.close();
      },
    };
  }
  const schema = options.schema ?? DEFAULT_LICENCE_LIBRARY_SCHEMA;
  const client = await seedPostgresLicenceLibrary(location.url, schema, options.dataset);
  log(true, schema);
  let closed: Promise<void> | undefined;
  return {
    url: options.url,
    kind: 'postgres',
    schema,
    seeded: true,
    close: () => (closed ??= client.end()),
  };
}
