/**
 * The deadline of one subgraph call: an `AbortSignal` that aborts with a
 * `TimeoutError` after `timeoutMs`, and a `clear()` that cancels it the
 * moment the call is over.
 *
 * `AbortSignal.timeout()` cannot be cancelled: its timer stays in Node's
 * timer list (holding the signal weakly) until a garbage collection has
 * collected the signal and a FinalizationRegistry callback has cleared the
 * timer. So every subgraph call's timer and its bookkeeping outlived the call
 * by at least one GC cycle, and the sampling heap profiler showed them among
 * what the tour's requests promote to the old generation (~300 bytes per
 * request). A timer cleared when the call ends is garbage at once.
 */

/** A cancellable deadline. */
export interface CallDeadline {
  readonly signal: AbortSignal;
  /** Cancels the deadline; the signal then never aborts. Idempotent. */
  clear(): void;
}

/** Starts a deadline of `timeoutMs` milliseconds. */
export function startCallDeadline(timeoutMs: number): CallDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`The operation was aborted due to timeout after ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  // Like AbortSignal.timeout(): a pending deadline alone does not keep the process alive.
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
