/**
 * The SQL kind: `@govgraph/connector-sql` (SQLite or PostgreSQL), one
 * `select … where id in ($keys)` statement per batch, and a SQLite file made
 * by the tests as the legacy database.
 */
import { entityBase, legacySourceName, type KindTemplates, type ScaffoldContext } from '../scaffold-context';

function tableOf(context: ScaffoldContext): string {
  return context.names.snake;
}

/** Templates of a subgraph over a legacy relational database. */
export const sqlKind: KindTemplates = {
  kind: 'sql',
  connectorPackage: '@govgraph/connector-sql',
  connectorDir: 'connectors/sql',
  legacyDescription: 'a relational database (SQLite file or PostgreSQL)',
  countsCalls: false,
  configFields: (context) => [
    {
      key: 'dbUrl',
      env: `${context.names.constant}_DB_URL`,
      tsType: 'string',
      zod: "z.string({ error: 'must be a database URL' }).min(1, { error: 'must not be empty' })",
      doc: 'The legacy database: `file:/absolute/path.db` (SQLite) or `postgresql://user@host:5432/db`',
      defaultText: 'required',
      example: `postgresql://reader@db.internal:5432/${context.names.snake}`,
    },
    {
      key: 'timeoutMs',
      env: `${context.names.constant}_DB_TIMEOUT_MS`,
      tsType: 'number',
      zod: 'integerOption(1, 600_000, UNSIGNED).default(5000)',
      doc: 'Statement timeout (PostgreSQL) or busy timeout (SQLite), in milliseconds (1 … 600000)',
      defaultText: '`5000`',
      example: '3000',
    },
  ],
  sourcesFile: (context) => `/** The legacy systems the ${context.names.kebab} subgraph reads, built from its config. */
import { parseSqlSourceConfig, sqlSource, type SqlSource } from '@govgraph/connector-sql';
import type { ${context.names.pascal}SubgraphConfig } from './config';

/** The subgraph's sources: the legacy database (read-only). */
export type ${context.names.pascal}Sources = {
  readonly legacy: SqlSource;
};

/** Builds the sources (not started: \`createSubgraph\` starts and stops them). Throws \`ConfigError\` for a bad source config. */
export function create${context.names.pascal}Sources(config: ${context.names.pascal}SubgraphConfig): ${context.names.pascal}Sources {
  return {
    legacy: sqlSource(parseSqlSourceConfig({ name: '${legacySourceName(context)}', url: config.dbUrl, timeoutMs: config.timeoutMs })),
  };
}
`,
  recordsFile: (context) => {
    const { entity } = context.names;
    return `/**
 * Reading ${entity.pluralPascal} from the legacy database, in one place: the
 * statement, the operation name for logs, and the check of every row. Loaders
 * and entity resolution call this and nothing else.
 *
 * EDIT FIRST: the table and column names of your database, and
 * \`to${entity.pascal}\` for the columns it returns.
 */
import type { SqlSource } from '@govgraph/connector-sql';
import { UpstreamDataError } from '@govgraph/sdk';

/** Keys per statement; the source splits larger batches by its \`maxKeysPerStatement\`. */
export const ${context.names.constant}_BATCH_LIMIT = 100;

/** A ${entity.pascal} as the subgraph serves it. */
export interface ${entity.pascal}Record {
  readonly id: string;
  readonly name: string;
}

/** One statement for a batch of ids: the rows found, in database order, possibly fewer. */
export async function fetch${entity.pluralPascal}ByIds(source: SqlSource, ids: readonly string[]): Promise<${entity.pascal}Record[]> {
  const rows = await source.queryByKeys<Record<string, unknown>>('select id, name from ${tableOf(context)} where id in ($keys)', ids, {
    operation: '${entity.pluralCamel}ById',
  });
  return rows.map(to${entity.pascal});
}

/** Checks one row; a malformed one is \`CONN_UPSTREAM_INVALID_RESPONSE\` naming the column, never a wrong value. */
export function to${entity.pascal}(row: Record<string, unknown>): ${entity.pascal}Record {
  const id = row['id'];
  const name = row['name'];
  if (typeof id !== 'string' && typeof id !== 'number') throw new UpstreamDataError('a ${tableOf(context)} row has no usable "id" column');
  if (typeof name !== 'string') throw new UpstreamDataError('a ${tableOf(context)} row has no text "name" column');
  return { id: String(id), name };
}
`;
  },
  fakeSystemFile: (context) => {
    const { entity } = context.names;
    return `/**
 * The fake legacy database: a SQLite file in a temporary directory, with the
 * table \`${tableOf(context)}\` created and filled through a writable SQL source
 * (an empty file is an empty SQLite database). The subgraph opens it read-only.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSqlSourceConfig, sqlSource } from '@govgraph/connector-sql';
import { createSilentLogger } from '@govgraph/sdk';
import type { ${entity.pascal}Record } from '../../${entityBase(context)}-records';

/** A fake legacy system ready for the subgraph. */
export interface FakeLegacySystem {
  /** The subgraph config options that point at it. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Calls are not counted for a database. */
  readonly calls: undefined;
  close(): Promise<void>;
}

/** Creates the database with these records. */
export async function startFakeLegacySystem(records: readonly ${entity.pascal}Record[]): Promise<FakeLegacySystem> {
  const dir = await mkdtemp(join(tmpdir(), '${context.names.kebab}-'));
  const file = join(dir, 'legacy.db');
  await writeFile(file, '');
  const seed = sqlSource(parseSqlSourceConfig({ name: 'seed', url: \`file:\${file}\`, readonly: false }));
  await seed.start({ logger: createSilentLogger() });
  try {
    await seed.query('create table ${tableOf(context)} (id text primary key, name text not null)');
    for (const record of records) await seed.query('insert into ${tableOf(context)} (id, name) values ($1, $2)', [record.id, record.name]);
  } finally {
    await seed.stop();
  }
  return {
    config: { dbUrl: \`file:\${file}\` },
    calls: undefined,
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
`;
  },
  extraFiles: () => ({}),
  readmeLegacy: (context) => `The legacy system is ${sqlKind.legacyDescription}. \`src/${entityBase(context)}-records.ts\` reads
${context.names.entity.pluralPascal} with one statement per batch of ids:
\`select id, name from ${tableOf(context)} where id in ($keys)\` (the source expands \`$keys\`; values are always bound).
Change the table, the columns and \`to${context.names.entity.pascal}\` to your database's; the tests' fake database
(\`src/__tests__/helpers/fake-legacy-system.ts\`) must change with them. The source opens the database read-only.`,
};
