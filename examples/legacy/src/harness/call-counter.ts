/**
 * Counts the calls a simulated legacy system received, so tests can prove
 * batching ("a list of N entities costs O(N / batch size) calls") by counting
 * on the legacy side instead of trusting the client.
 */

/** Read side of a call counter, handed to tests through a simulator handle. */
export interface CallCounter {
  /** Every request that reached the handler, failed and injected-fault ones included. */
  total(): number;
  /** Requests counted under one operation name (0 when never seen). */
  count(operation: string): number;
  /** A snapshot: operation name → count. */
  byOperation(): Record<string, number>;
  /** Forgets every count, e.g. between two phases of a test. */
  reset(): void;
}

/** A call counter the simulator writes to. @internal */
export interface RecordingCallCounter extends CallCounter {
  record(operation: string): void;
}

/** Creates an empty counter. */
export function createCallCounter(): RecordingCallCounter {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    record(operation) {
      total += 1;
      counts.set(operation, (counts.get(operation) ?? 0) + 1);
    },
    total: () => total,
    count: (operation) => counts.get(operation) ?? 0,
    byOperation: () => Object.fromEntries(counts),
    reset() {
      total = 0;
      counts.clear();
    },
  };
}
