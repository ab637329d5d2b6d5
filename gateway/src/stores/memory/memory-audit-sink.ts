/**
 * An {@link AuditSink} that keeps records in an array: for tests, and to
 * simulate an unavailable store (`failWith`) when testing fail-closed audit.
 */
import type { AuditRecordInput, AuditSink } from '../audit-sink';

/** An in-memory audit sink. */
export interface MemoryAuditSink extends AuditSink {
  /** Every record written, in order. */
  readonly records: readonly AuditRecordInput[];
  /** Makes every following `write` reject with `error` (`undefined`: accept again). */
  failWith(error: Error | undefined): void;
}

/** Creates an empty in-memory audit sink. */
export function createMemoryAuditSink(): MemoryAuditSink {
  const records: AuditRecordInput[] = [];
  let failure: Error | undefined;
  return {
    records,
    async write(batch) {
      if (failure) throw failure;
      records.push(...batch);
    },
    failWith(error) {
      failure = error;
    },
  };
}
