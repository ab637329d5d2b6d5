/**
 * The deadline of one call to a legacy system: the source's `timeoutMs`
 * combined with the client's own abort signal (from the request scope), as one
 * `AbortSignal` that covers waiting for a slot, connecting, the response head
 * and the body. Aborting an in-flight undici request destroys its socket, so
 * an expired call never leaves a connection tied to a hung legacy system.
 *
 * The flags say *why* the signal fired, so the caller can tell a timeout
 * (`UpstreamTimeoutError`) from a client that went away.
 */

/** @internal The combined abort signal of one legacy call, and why it fired. */
export interface CallDeadline {
  readonly signal: AbortSignal;
  /** When the timeout fires, on the `performance.now()` clock. */
  readonly expiresAt: number;
  /** The timeout fired. */
  readonly timedOut: boolean;
  /** The caller's signal fired (the client disconnected). */
  readonly callerAborted: boolean;
  /** The caller's abort reason, if {@link callerAborted}. */
  readonly callerReason: unknown;
  /** Clears the timer and listeners. Call once the call has settled. */
  dispose(): void;
}

/** @internal Starts a deadline of `timeoutMs`, also tripped by `callerSignal`. */
export function createCallDeadline(timeoutMs: number, callerSignal?: AbortSignal): CallDeadline {
  const controller = new AbortController();
  const expiresAt = performance.now() + timeoutMs;
  let timedOut = false;
  let callerAborted = false;
  let callerReason: unknown;

  const onCallerAbort = (): void => {
    if (controller.signal.aborted) return;
    callerAborted = true;
    callerReason = callerSignal?.reason;
    controller.abort(callerReason);
  };
  const timer = setTimeout(() => {
    if (controller.signal.aborted) return;
    timedOut = true;
    controller.abort(new Error(`deadline of ${timeoutMs} ms expired`));
  }, timeoutMs);

  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  return {
    signal: controller.signal,
    expiresAt,
    get timedOut() {
      return timedOut;
    },
    get callerAborted() {
      return callerAborted;
    },
    get callerReason() {
      return callerReason;
    },
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
