import { createHash } from 'node:crypto';
import { openRegistry, type Registry } from '../open-registry';
import { createPrismaRegistryReader } from '../prisma-registry-reader';
import { seedDemo } from '../seed';
import { postgresUrl, sqliteLocation, testLocations, type TestRegistryLocation } from './helpers/test-registries';

const PEPPER = 'seed-test-pepper-0123';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

if (!postgresUrl) console.info('registry seed tests on PostgreSQL skipped: set GOVGRAPH_TEST_POSTGRES_URL to run them');

describe.each(testLocations())('seedDemo on %s', (_provider, location) => {
  let place: TestRegistryLocation;
  let registry: Registry;
  beforeAll(async () => {
    place = location();
    registry = await openRegistry({ url: place.url });
  });
  afterAll(async () => {
    await registry?.close();
    await place?.cleanup();
  });

  it('creates an L3 application with masks on and an L4 one with masks cleared, each with a working key, once', async () => {
    const seeded = await seedDemo(registry, { pepper: PEPPER });
    expect(seeded).toBeDefined();
    const snapshot = await createPrismaRegistryReader(registry.prisma).load();
    const standard = snapshot.credentialsByHash.get(sha256(PEPPER + seeded!.standard.apiKey));
    const sensitive = snapshot.credentialsByHash.get(sha256(PEPPER + seeded!.sensitive.apiKey));
    expect(standard?.applicationId).toBe(seeded!.standard.application.id);
    expect(sensitive?.applicationId).toBe(seeded!.sensitive.application.id);
    const [standardGrant] = snapshot.grantsByApplication.get(seeded!.standard.application.id) ?? [];
    const [sensitiveGrant] = snapshot.grantsByApplication.get(seeded!.sensitive.application.id) ?? [];
    expect(standardGrant).toMatchObject({ maxGrade: 'L3', unmask: new Set(), allowedSubgraphs: new Set(['users', 'services', 'licences', 'cases']) });
    expect(sensitiveGrant).toMatchObject({
      maxGrade: 'L4',
      unmask: new Set(['resident-id', 'phone', 'name', 'address']),
      allowedSubgraphs: new Set(['users', 'services', 'licences', 'cases']),
    });

    expect(await seedDemo(registry, { pepper: PEPPER })).toBeUndefined();
    expect(await registry.prisma.application.count()).toBe(2);
  });
});

describe('seedDemo with fixed keys', () => {
  it('stores the hashes of the given keys and refuses a malformed one', async () => {
    const place = sqliteLocation();
    const registry = await openRegistry({ url: place.url });
    try {
      const standard = `gg_${'A'.repeat(32)}`;
      const sensitive = `gg_${'b'.repeat(32)}`;
      await expect(seedDemo(registry, { pepper: PEPPER, keys: { standard: 'gg_short' } })).rejects.toMatchObject({ code: 'GW_CONFIG_INVALID' });
      const seeded = await seedDemo(registry, { pepper: PEPPER, keys: { standard, sensitive } });
      expect([seeded?.standard.apiKey, seeded?.sensitive.apiKey]).toEqual([standard, sensitive]);
      const hashes = (await registry.prisma.credential.findMany()).map((row) => row.hash).sort();
      expect(hashes).toEqual([sha256(PEPPER + standard), sha256(PEPPER + sensitive)].sort());
    } finally {
      await registry.close();
      await place.cleanup();
    }
  });
});
