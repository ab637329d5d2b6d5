import { createMemoryAuditSink } from '../memory/memory-audit-sink';
import { createMemoryRegistryReader } from '../memory/memory-registry-reader';
import { createMemoryUsageCounterStore } from '../memory/memory-usage-counter-store';
import type { RegistryRecords } from '../build-registry-snapshot';

const records: RegistryRecords = {
  applications: [{ id: 'app-1', name: 'A', departmentId: 'd', contact: 'c', status: 'active' }],
  credentials: [
    { id: 'k1', applicationId: 'app-1', prefix: 'gg_aaaaa', hash: 'h1', expiresAt: null, revokedAt: null, overlapUntil: null },
    { id: 'k2', applicationId: 'app-1', prefix: 'gg_bbbbb', hash: 'h2', expiresAt: null, revokedAt: new Date('2030-01-01'), overlapUntil: null },
    { id: 'k3', applicationId: 'app-1', prefix: 'gg_ccccc', hash: 'h3', expiresAt: new Date('2030-06-01'), revokedAt: null, overlapUntil: new Date('2030-03-01') },
    { id: 'k4', applicationId: 'ghost', prefix: 'gg_ddddd', hash: 'h4', expiresAt: null, revokedAt: null, overlapUntil: null },
  ],
  grants: [
    {
      id: 'g1',
      applicationId: 'app-1',
      targets: ['Query.person', 'subgraph:licences'],
      maxGrade: 'L2',
      purpose: 'p',
      expiresAt: null,
      requestsPerSecond: 5,
      dailyQuota: 100,
      requireEndUser: false,
      unmask: ['phone'],
      revokedAt: null,
    },
    {
      id: 'g2',
      applicationId: 'app-1',
      targets: ['Query.case'],
      maxGrade: 'L1',
      purpose: 'p',
      expiresAt: new Date('2029-01-01'),
      requestsPerSecond: 5,
      dailyQuota: 100,
      requireEndUser: false,
      unmask: [],
      revokedAt: null,
    },
  ],
  subgraphs: [],
};

describe('memory registry reader', () => {
  it('keeps live credentials with the earlier of expiry and overlap end, and unexpired grants', async () => {
    const reader = createMemoryRegistryReader(records, { now: () => new Date('2030-02-01') });
    const snapshot = await reader.load();
    expect([...snapshot.credentialsByHash.keys()]).toEqual(['h1', 'h3']);
    expect(snapshot.credentialsByHash.get('h3')?.validUntil).toEqual(new Date('2030-03-01'));
    expect(snapshot.grantsByApplication.get('app-1')?.map((g) => g.id)).toEqual(['g1']);
    expect(snapshot.grantsByApplication.get('app-1')?.[0]?.allowedSubgraphs).toEqual(new Set(['licences']));
  });

  it('changes version() when the records are replaced', async () => {
    const reader = createMemoryRegistryReader(records);
    const before = await reader.version();
    reader.replace({ ...records, grants: [] });
    expect(await reader.version()).not.toBe(before);
    expect((await reader.load()).grantsByApplication.size).toBe(0);
  });
});

describe('memory audit sink', () => {
  it('keeps written records and fails while told to', async () => {
    const sink = createMemoryAuditSink();
    const record = {
      at: new Date(0),
      kind: 'operation' as const,
      operationHash: 'h',
      coordinates: [],
      maxGrade: 'L1' as const,
      outcome: 'ok',
      durationMs: 1,
      subgraphs: [],
      requestId: 'r',
    };
    await sink.write([record]);
    sink.failWith(new Error('down'));
    await expect(sink.write([record])).rejects.toThrow('down');
    sink.failWith(undefined);
    await sink.write([record]);
    expect(sink.records).toHaveLength(2);
  });
});

describe('memory usage counter store', () => {
  it('sums increments per application and day and filters by day range', async () => {
    const store = createMemoryUsageCounterStore();
    await store.add([
      { applicationId: 'b', day: '2030-01-01', requests: 1 },
      { applicationId: 'a', day: '2030-01-01', requests: 2 },
      { applicationId: 'a', day: '2030-01-01', requests: 3 },
      { applicationId: 'a', day: '2030-01-02', requests: 1 },
    ]);
    expect(await store.list()).toEqual([
      { applicationId: 'a', day: '2030-01-01', requests: 5 },
      { applicationId: 'b', day: '2030-01-01', requests: 1 },
      { applicationId: 'a', day: '2030-01-02', requests: 1 },
    ]);
    expect(await store.list({ toDay: '2030-01-01', applicationId: 'a' })).toEqual([{ applicationId: 'a', day: '2030-01-01', requests: 5 }]);
  });
});
