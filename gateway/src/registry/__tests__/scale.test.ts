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

  it('loads 3,428 applications and 50,000 grants in under a second', async () => {
    const seeded = await seedScale(registry, { applications: 3428, grants: 50_000 });
    expect(seeded).toEqual({ departments: 40, applications: 3428, credentials: 3428, grants: 50_000 });
    const reader = createPrismaRegistryReader(registry.prisma);
    // Best of three (after a warm-up that plans the queries): the machine runs other test files at the same time.
    let snapshot = await reader.load();
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      snapshot = await reader.load();
      times.push(performance.now() - started);
    }
    const elapsed = Math.min(...times);
    console.info(`registry load on ${provider}: 3428 applications, 50000 grants in ${times.map((t) => t.toFixed(0)).join(', ')} ms (best ${elapsed.toFixed(0)} ms)`);
    expect(snapshot.applicationsById.size).toBe(3428);
    expect(snapshot.credentialsByHash.size).toBe(3428);
    expect([...snapshot.grantsByApplication.values()].reduce((sum, grants) => sum + grants.length, 0)).toBe(50_000);
    const some = [...snapshot.grantsByApplication.values()][0]![0]!;
    expect(some.allowedCoordinates.size).toBe(2);
    expect(some.allowedSubgraphs.size).toBe(1);
    expect(elapsed).toBeLessThan(1000);
  }, 30_000);
});
