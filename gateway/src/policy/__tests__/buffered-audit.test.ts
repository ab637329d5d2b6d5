import { createMemoryAuditSink } from '../../stores/memory/memory-audit-sink';
import type { AuditRecordInput } from '../../stores/audit-sink';
import { createBufferedAudit } from '../buffered-audit';

const record = (requestId: string, maxGrade: AuditRecordInput['maxGrade'] = 'L1'): AuditRecordInput => ({
  at: new Date(0),
  kind: 'operation',
  operationHash: 'h',
  coordinates: [],
  maxGrade,
  outcome: 'ok',
  durationMs: 1,
  subgraphs: [],
  requestId,
});

describe('createBufferedAudit', () => {
  it('writes in batches of maxBatch, in order', async () => {
    const sink = createMemoryAuditSink();
    const writes: number[] = [];
    const audit = createBufferedAudit({ sink: { write: async (batch) => { writes.push(batch.length); await sink.write(batch); } }, maxBatch: 2, flushIntervalMs: 60_000 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) audit.push(record(id));
    await audit.close();
    expect(sink.records.map((r) => r.requestId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(writes.every((n) => n <= 2)).toBe(true);
  });

  it('writes a full batch on a later turn of the event loop, never inside push()', async () => {
    const written: string[][] = [];
    const audit = createBufferedAudit({ sink: { write: async (batch) => void written.push(batch.map((r) => r.requestId)) }, maxBatch: 2, flushIntervalMs: 60_000 });
    audit.push(record('a'));
    audit.push(record('b'));
    await Promise.resolve();
    expect(written).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual([['a', 'b']]);
    await audit.close();
  });

  it('keeps records while the sink fails, refuses L3/L4 when full, and loses nothing accepted', async () => {
    const sink = createMemoryAuditSink();
    sink.failWith(new Error('down'));
    const audit = createBufferedAudit({ sink, maxBuffer: 2, flushIntervalMs: 5 });
    expect(audit.push(record('a'))).toBe(true);
    expect(audit.push(record('b', 'L3'), true)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(audit.size).toBe(2);
    expect(audit.canAccept('L3')).toBe(false);
    expect(audit.canAccept('L4')).toBe(false);
    expect(audit.canAccept('L2')).toBe(true);
    expect(audit.push(record('c'))).toBe(false);
    expect(audit.push(record('d', 'L3'), true)).toBe(true); // admitted before the buffer filled: headroom
    expect(audit.dropped).toBe(1);
    sink.failWith(undefined);
    await audit.close();
    expect(sink.records.map((r) => r.requestId)).toEqual(['a', 'b', 'd']);
  });

  it('rejects close() when the sink keeps failing', async () => {
    const sink = createMemoryAuditSink();
    sink.failWith(new Error('down'));
    const audit = createBufferedAudit({ sink, closeAttempts: 2, flushIntervalMs: 60_000 });
    audit.push(record('a'));
    await expect(audit.close()).rejects.toThrow(/1 audit records could not be written: down/);
  });
});
