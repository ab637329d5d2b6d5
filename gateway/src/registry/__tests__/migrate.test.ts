import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { openRegistry } from '../open-registry';
import { postgresqlLocation, postgresUrl, sqliteLocation, type TestRegistryLocation } from './helpers/test-registries';

const MIGRATION_NAMES = ['20261127222837_init'];
const TABLES = ['AdminToken', 'Application', 'AuditRecord', 'Credential', 'Department', 'Grant', 'SchemaVersion', 'Subgraph', 'UsageCounter'];

if (!postgresUrl) console.info('registry PostgreSQL migration test skipped: set GOVGRAPH_TEST_POSTGRES_URL to run it');

describe.each([
  ['sqlite', sqliteLocation],
  ...(postgresUrl ? [['postgresql', postgresqlLocation] as const] : []),
] as const)('registry migrations on %s', (provider, location) => {
  let place: TestRegistryLocation;
  beforeAll(() => {
    place = location();
  });
  afterAll(() => place.cleanup());

  it('applies every committed migration to a fresh database, then nothing on a second start', async () => {
    const first = await openRegistry({ url: place.url });
    try {
      expect(first.provider).toBe(provider);
      expect(first.migrations.applied).toEqual(MIGRATION_NAMES);
      const recorded = await first.prisma.$queryRawUnsafe<{ migration_name: string; finished: unknown }[]>(
        'SELECT "migration_name", "finished_at" AS "finished" FROM "_prisma_migrations" ORDER BY "migration_name"',
      );
      expect(recorded.map((row) => row.migration_name)).toEqual(MIGRATION_NAMES);
      expect(recorded.every((row) => row.finished !== null)).toBe(true);
    } finally {
      await first.close();
    }

    const second = await openRegistry({ url: place.url });
    try {
      expect(second.migrations.applied).toEqual([]);
      const counted = await second.prisma.$queryRawUnsafe<{ n: unknown }[]>('SELECT COUNT(*) AS "n" FROM "_prisma_migrations"');
      expect(Number(counted[0]?.n)).toBe(MIGRATION_NAMES.length);
      expect(await second.prisma.department.count()).toBe(0);
    } finally {
      await second.close();
    }
  });

  if (provider === 'postgresql') {
    it('creates the tables in the schema named in the URL, not in public', async () => {
      const schema = new URL(place.url).searchParams.get('schema');
      const client = new Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ table_schema: string; table_name: string }>(
          `SELECT table_schema, table_name FROM information_schema.tables WHERE table_name = ANY($1) ORDER BY table_name`,
          [[...TABLES, '_prisma_migrations']],
        );
        const inSchema = rows.filter((row) => row.table_schema === schema).map((row) => row.table_name);
        expect(inSchema).toEqual([...TABLES, '_prisma_migrations'].sort());
        expect(rows.filter((row) => row.table_schema === 'public' && TABLES.includes(row.table_name))).toEqual([]);
      } finally {
        await client.end();
      }
    });
  }
});

describe('committed migrations', () => {
  it('match the models (no change to models.prisma without a migration)', () => {
    const script = join(__dirname, '..', '..', '..', 'scripts', 'create-migration.js');
    const output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toContain('migrations are up to date with the models');
  });

  it('refuses to open an in-memory SQLite registry that would be migrated on another connection', async () => {
    await expect(openRegistry({ url: 'sqlite::memory:' })).rejects.toMatchObject({ code: 'GW_REGISTRY_UNAVAILABLE' });
  });

  it('reports an unreachable PostgreSQL as GW_REGISTRY_UNAVAILABLE', async () => {
    await expect(openRegistry({ url: 'postgresql://nobody@127.0.0.1:1/none' })).rejects.toMatchObject({ code: 'GW_REGISTRY_UNAVAILABLE' });
  });
});
