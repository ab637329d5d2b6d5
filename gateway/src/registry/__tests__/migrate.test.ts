import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { withAuditCoordinates } from '../audit-coordinates';
import { applyRegistryMigrations } from '../migrate';
import { openRegistry } from '../open-registry';
import { postgresqlLocation, postgresUrl, sqliteLocation, type TestRegistryLocation } from './helpers/test-registries';

const MIGRATION_NAMES = ['20261127222837_init', '20261128090916_audit_coordinate_sets'];
const TABLES = ['AdminToken', 'Application', 'AuditCoordinateSet', 'AuditRecord', 'Credential', 'Department', 'Grant', 'SchemaVersion', 'Subgraph', 'UsageCounter'];

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

describe('the coordinate-set migration', () => {
  it('keeps the inline coordinates of audit records stored before it (sqlite)', async () => {
    const place = sqliteLocation();
    const initOnly = mkdtempSync(join(tmpdir(), 'govgraph-migrations-'));
    try {
      const all = join(__dirname, '..', '..', '..', 'prisma', 'migrations', 'sqlite');
      cpSync(join(all, 'migration_lock.toml'), join(initOnly, 'migration_lock.toml'));
      cpSync(join(all, MIGRATION_NAMES[0]!), join(initOnly, MIGRATION_NAMES[0]!), { recursive: true });
      const file = place.url.slice('file:'.length);
      await applyRegistryMigrations({ provider: 'sqlite', adapterFactory: new PrismaBetterSqlite3({ url: file }), migrationsDir: initOnly });
      const db = new Database(file);
      db.prepare(
        `INSERT INTO "AuditRecord" ("id", "at", "kind", "operationHash", "coordinates", "maxGrade", "outcome", "durationMs", "subgraphs", "requestId")
         VALUES ('before-1', '2030-01-01T00:00:00.000+00:00', 'operation', 'h', '[{"coordinate":"Query.person","grade":"L1"}]', 'L1', 'ok', 3, '["users"]', 'r-1')`,
      ).run();
      db.close();

      const registry = await openRegistry({ url: place.url });
      try {
        expect(registry.migrations.applied).toEqual([MIGRATION_NAMES[1]]);
        const rows = await registry.prisma.auditRecord.findMany();
        expect(rows).toMatchObject([{ id: 'before-1', coordinateSetId: null, subgraphs: '["users"]', durationMs: 3 }]);
        expect((await withAuditCoordinates(registry.prisma, rows)).map((row) => row.coordinates)).toEqual(['[{"coordinate":"Query.person","grade":"L1"}]']);
      } finally {
        await registry.close();
      }
    } finally {
      rmSync(initOnly, { recursive: true, force: true });
      place.cleanup();
    }
  });
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
