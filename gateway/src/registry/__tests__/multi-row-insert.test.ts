import { openRegistry, type Registry } from '../open-registry';
import { createPrismaAuditSink } from '../prisma-audit-sink';
import { MAX_BOUND_PARAMETERS, multiRowInsert } from '../multi-row-insert';
import { registryProviderOf } from '../registry-provider-of';
import { testLocations, type TestRegistryLocation } from './helpers/test-registries';

describe.each(testLocations())('multi-row inserts on %s', (provider, location) => {
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

  it('reads the provider from the client', () => {
    expect(registryProviderOf(registry.prisma)).toBe(provider);
  });

  it('splits a batch past the parameter limit into statements, every row stored once with its own id', async () => {
    const perStatement = Math.floor(MAX_BOUND_PARAMETERS / 16);
    const count = perStatement * 2 + 5;
    const records = Array.from({ length: count }, (_, index) => ({
      at: new Date(Date.UTC(2031, 0, 1, 0, 0, 0, index % 1000)),
      kind: 'operation' as const,
      operationHash: 'h',
      coordinates: [],
      maxGrade: 'L1' as const,
      outcome: 'ok',
      durationMs: index,
      subgraphs: ['users'],
      requestId: `chunked-${index}`,
    }));
    await createPrismaAuditSink(registry.prisma).write(records);
    const rows = await registry.prisma.auditRecord.findMany({ where: { requestId: { startsWith: 'chunked-' } }, select: { id: true, requestId: true, durationMs: true } });
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((row) => row.id)).size).toBe(count);
    const last = rows.find((row) => row.requestId === `chunked-${count - 1}`);
    expect(last?.durationMs).toBe(count - 1);
  }, 20_000);

  it('stores nothing of a batch when a later statement fails', async () => {
    const perStatement = Math.floor(MAX_BOUND_PARAMETERS / 3);
    const rows = Array.from({ length: perStatement }, (_, index) => [`atomic-${index}`, '2031-01-01', 1]);
    rows.push(['atomic-0', '2031-01-01', 1]); // the second statement repeats the primary key of the first
    await expect(
      multiRowInsert(registry.prisma, registryProviderOf(registry.prisma), { table: 'UsageCounter', columns: ['applicationId', 'day', 'requests'], rows }),
    ).rejects.toThrow();
    expect(await registry.prisma.usageCounter.count({ where: { day: '2031-01-01' } })).toBe(0);
  }, 20_000);
});
