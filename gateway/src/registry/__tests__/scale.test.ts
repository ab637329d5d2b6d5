import { openRegistry, type Registry } from '../open-registry';
import { createPrismaRegistryReader } from '../prisma-registry-reader';
import { seedScale } from '../seed';
import { postgresUrl, testLocations, type TestRegistryLocation } from './helpers/test-registries';

if (!postgresUrl) console.info('registry scale test on PostgreSQL skipped: set GOVGRAPH_TEST_POSTGRES_URL to run it');

describe.each(testLocations())('scale on %s', (provider, location) => {
  let place: TestRegistryLocation;
  let registry: Registry;
  beforeAll(async () => {
    place = location();
    registry = await openRegistry({ url: place.url });
  }, 30_000);
  afterAll(async () => {
    await registry?.close();
    await place?.cleanup();
  });

  it('loads 3,428 applications and 50,000 grants into one compiled snapshot', async () => {
    const seeded = await seedScale(registry, { applications: 3428, grants: 50_000 });
    expect(seeded).toEqual({ departments: 40, applications: 3428, credentials: 3428, grants: 50_000 });
    // How long the load takes is measured by `npm run bench -- registry` (bench/src/registry-load.ts), not here:
    // a timed assertion would only measure how busy the machine is.
    const snapshot = await createPrismaRegistryReader(registry.prisma).load();
    expect(snapshot.applicationsById.size).toBe(3428);
    expect(snapshot.credentialsByHash.size).toBe(3428);
    expect([...snapshot.grantsByApplication.values()].reduce((sum, grants) => sum + grants.length, 0)).toBe(50_000);
    const some = [...snapshot.grantsByApplication.values()][0]![0]!;
    expect(some.allowedCoordinates.size).toBe(2);
    expect(some.allowedSubgraphs.size).toBe(1);
  }, 30_000);
});
