import { openRegistry, type Registry } from '../open-registry';
import { createPrismaAuditSink } from '../prisma-audit-sink';
import { MAX_BOUND_PARAMETERS, multiRowInsert } from '../multi-row-insert';
import { registryProviderOf } from '../registry-provider-of';
import { registryDriverOf } from '../registry-driver';
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

  it('writes on the driver, storing timestamps exactly as Prisma stores them', async () => {
    expect(registryDriverOf(registry.prisma)?.provider).toBe(provider);
    const at = new Date(Date.UTC(2031, 4, 6, 7, 8, 9, 120));
    const wholeSecond = new Date(Date.UTC(2031, 4, 6, 7, 8, 10));
    const base = { kind: 'operation', operationHash: 'h', coordinates: '[]', maxGrade: 'L1', outcome: 'ok', durationMs: 1, subgraphs: '[]' };
    await registry.prisma.auditRecord.create({ data: { ...base, id: 'by-prisma-1', at, requestId: 'format-prisma-1' } });
    await registry.prisma.auditRecord.create({ data: { ...base, id: 'by-prisma-2', at: wholeSecond, requestId: 'format-prisma-2' } });
    await createPrismaAuditSink(registry.prisma).write([
      { at, kind: 'operation', operationHash: 'h', coordinates: [], maxGrade: 'L1', outcome: 'ok', durationMs: 1, subgraphs: [], requestId: 'format-writer-1' },
      { at: wholeSecond, kind: 'operation', operationHash: 'h', coordinates: [], maxGrade: 'L1', outcome: 'ok', durationMs: 1, subgraphs: [], requestId: 'format-writer-2' },
    ]);
    const stored = await registry.prisma.$queryRawUnsafe<{ requestId: string; text: string }[]>(
      `SELECT "requestId", CAST("at" AS TEXT) AS "text" FROM "AuditRecord" WHERE "requestId" LIKE 'format-%' ORDER BY "requestId"`,
    );
    const text = Object.fromEntries(stored.map((row) => [row.requestId, row.text]));
    expect(text['format-writer-1']).toBe(text['format-prisma-1']);
    expect(text['format-writer-2']).toBe(text['format-prisma-2']);
    const read = await registry.prisma.auditRecord.findMany({ where: { requestId: { startsWith: 'format-writer-' } }, orderBy: { requestId: 'asc' } });
    expect(read.map((row) => row.at.toISOString())).toEqual([at.toISOString(), wholeSecond.toISOString()]);
    // Later records sort after earlier ones by id (time-ordered ids).
    expect(read[0]!.id < read[1]!.id).toBe(true);
  });

  it('stores nothing of a batch when a later statement fails', async () => {
    const perStatement = Math.floor(MAX_BOUND_PARAMETERS / 3);
    const rows = Array.from({ length: perStatement }, (_, index) => [`atomic-${index}`, '2031-01-01', 1]);
    rows.push(['atomic-0', '2031-01-01', 1]); // the second statement repeats the primary key of the first
    await expect(
      multiRowInsert(registry.prisma, registryProviderOf(registry.prisma), { table: 'UsageCounter', columns: ['applicationId', 'day', 'requests'], rows }),
    ).rejects.toThrow();
    expect(await registry.prisma.usageCounter.count({ where: { day: '2031-01-01' } })).toBe(0);
  }, 20_000);

  it('runs the inserts of one call in order in one transaction: none is stored when a later one fails', async () => {
    const provider = registryProviderOf(registry.prisma);
    await expect(
      multiRowInsert(
        registry.prisma,
        provider,
        { table: 'AuditCoordinateSet', columns: ['id', 'coordinates'], rows: [['set-of-a-failed-call', '[]']] },
        { table: 'UsageCounter', columns: ['applicationId', 'day', 'requests'], rows: [['twice', '2031-02-01', 1], ['twice', '2031-02-01', 1]] },
      ),
    ).rejects.toThrow(/UsageCounter/);
    expect(await registry.prisma.auditCoordinateSet.count({ where: { id: 'set-of-a-failed-call' } })).toBe(0);
    await multiRowInsert(
      registry.prisma,
      provider,
      { table: 'AuditCoordinateSet', columns: ['id', 'coordinates'], rows: [] },
      { table: 'UsageCounter', columns: ['applicationId', 'day', 'requests'], rows: [['once', '2031-02-01', 2]] },
    );
    expect(await registry.prisma.usageCounter.findMany({ where: { day: '2031-02-01' } })).toEqual([{ applicationId: 'once', day: '2031-02-01', requests: 2 }]);
  });
});
