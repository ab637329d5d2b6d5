import { createSilentLogger } from '../../logger';
import type { AuditRecordInput } from '../audit-sink';
import { usageOf, withUsageCounting } from '../count-usage';
import { createMemoryAuditSink } from '../memory/memory-audit-sink';
import { createMemoryUsageCounterStore } from '../memory/memory-usage-counter-store';
import { usageDay } from '../usage-counter-store';

const record = (applicationId: string | undefined, at: string, kind: 'operation' | 'admin' = 'operation'): AuditRecordInput => ({
  at: new Date(at),
  kind,
  ...(applicationId ? { applicationId } : {}),
  operationHash: 'h',
  coordinates: [],
  maxGrade: 'L1',
  outcome: 'ok',
  durationMs: 1,
  subgraphs: [],
  requestId: 'r',
});

describe('usage counting from the audit stream', () => {
  it('sums operation records per application and UTC day, ignoring admin and anonymous records', () => {
    expect(
      usageOf([
        record('a', '2026-06-30T23:59:59Z'),
        record('a', '2026-06-30T00:00:00Z'),
        record('a', '2026-07-01T00:00:00Z'),
        record('b', '2026-06-30T12:00:00Z'),
        record('a', '2026-06-30T12:00:00Z', 'admin'),
        record(undefined, '2026-06-30T12:00:00Z'),
      ]),
    ).toEqual([
      { applicationId: 'a', day: '2026-06-30', requests: 2 },
      { applicationId: 'a', day: '2026-07-01', requests: 1 },
      { applicationId: 'b', day: '2026-06-30', requests: 1 },
    ]);
  });

  it('names the UTC day of every date, however they alternate', () => {
    const dates = ['2026-06-30T23:59:59.999Z', '2026-07-01T00:00:00.000Z', '2026-06-30T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2026-07-01T08:00:00+08:00'];
    expect(dates.map((date) => usageDay(new Date(date)))).toEqual(['2026-06-30', '2026-07-01', '2026-06-30', '1969-12-31', '1970-01-01', '2026-07-01']);
    expect(() => usageDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('writes the audit batch, then adds to the counters', async () => {
    const audit = createMemoryAuditSink();
    const usage = createMemoryUsageCounterStore();
    const sink = withUsageCounting(audit, usage, createSilentLogger());
    await sink.write([record('a', '2026-06-30T01:00:00Z'), record('a', '2026-06-30T02:00:00Z')]);
    await sink.write([record('a', '2026-06-30T03:00:00Z')]);
    expect(audit.records).toHaveLength(3);
    expect(await usage.list()).toEqual([{ applicationId: 'a', day: '2026-06-30', requests: 3 }]);
  });

  it('keeps the audit record when the counters fail', async () => {
    const audit = createMemoryAuditSink();
    const sink = withUsageCounting(audit, { add: () => Promise.reject(new Error('down')), list: async () => [] }, createSilentLogger());
    await expect(sink.write([record('a', '2026-06-30T01:00:00Z')])).resolves.toBeUndefined();
    expect(audit.records).toHaveLength(1);
  });
});
