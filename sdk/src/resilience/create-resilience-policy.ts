/**
 * The resilience policy of one source, built from its capability manifest
 * with cockatiel. One call goes through, outside in:
 *
 * 1. **bulkhead** (`maxConcurrency` slots, `maxQueue` waiting): a call holds
 *    one slot for all its attempts, so a retry never queues again or takes a
 *    second slot; a call that finds no slot and no queue place fails at once
 *    (`… is saturated`).
 * 2. **retry** (`retry.maxAttempts`), only of calls declared idempotent and
 *    only after retryable failures (see `classify-failure.ts`), waiting the
 *    Retry-After aware backoff, and only while the wait ends before the deadline.
 * 3. **rate limit** (`maxRequestsPerSecond`, a token bucket): each attempt
 *    is a request, so each takes a token; skipped while the circuit is open.
 * 4. **circuit breaker** (`circuitBreaker.consecutiveFailures`, one per
 *    source): inside the retry, so it sees and counts every attempt and an
 *    open circuit stops a retry too; while open, calls fail at once
 *    (`… is unavailable (circuit open)`).
 * 5. the **deadline** (`timeoutMs`, the caller's `CallDeadline`): one abort
 *    signal over the whole call (queueing, attempts, backoff). While the call
 *    waits (for a slot, a token or a backoff) it settles as soon as the signal
 *    fires; a running attempt is left to honour the signal itself (an HTTP
 *    exchange aborts; a SQL statement ends at the database's own timeout, so
 *    its error keeps the database's reason).
 *
 * Cockatiel's `timeout` policy is not used: the deadline must also cover the
 * bulkhead queue, and tell a timeout from a client that went away.
 */
import {
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleType,
  handleWhen,
  isBrokenCircuitError,
  isBulkheadRejectedError,
  retry,
  wrap,
  type IBackoff,
  type IRetryBackoffContext,
} from 'cockatiel';
import { Registry } from 'prom-client';
import { BadGatewayError, isGovgraphError } from '../errors';
import type { HealthReport } from '../source';
import type { CapabilityManifest } from './capability-manifest';
import type { CircuitStatus } from './circuit-status';
import { isAnsweredFailure, isRetryableFailure, isUnavailableFailure, rejectionReasonOf } from './classify-failure';
import { createRetryAfterBackoff } from './retry-after-backoff';
import { getSourceMetrics, type CallOutcome, type SourceMetrics } from './source-metrics';
import { createTokenBucket, TokenWaitTooLongError } from './token-bucket';

/** One call as the policy needs to know it. */
export interface ResilientCall {
  /** A stable name for metrics and for `idempotentOperations` (never a path or an identifier). */
  readonly operation: string;
  /** Safe to repeat: only then is it retried. */
  readonly idempotent: boolean;
  /**
   * The call's deadline signal (timeout and client abort in one). A waiting call settles when it fires; a
   * running attempt must honour it (or be bounded by its own timeout).
   */
  readonly signal: AbortSignal;
  /** When the deadline expires, on the `performance.now()` clock. */
  readonly expiresAt: number;
  /**
   * Maps a raw failure (a transport error, the deadline's abort reason) to the SDK's taxonomy; taxonomy
   * errors are returned unchanged. Applied to every attempt's failure before it is classified.
   */
  readonly settle: (error: unknown) => unknown;
}

/** The resilience policy of one source; see {@link createResiliencePolicy}. */
export interface ResiliencePolicy {
  readonly source: string;
  readonly capabilities: CapabilityManifest;
  /** Runs `attempt` (once, or again for retries) under the policy; rejects with a taxonomy error (or the caller's abort reason). */
  execute<T>(call: ResilientCall, attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** The circuit's state now. */
  circuit(): CircuitStatus;
  /** Reports the source down while its circuit is open, and adds `circuit` unless it is closed (`/readyz` always adds it). */
  withCircuit(report: HealthReport): HealthReport;
  /** Records metrics into `registry` from now on (the subgraph's, given at `start()`). */
  useMetrics(registry: Registry | undefined): void;
  /** Fails every call still waiting for a slot with `reason` (the source is stopping). */
  rejectWaiting(reason: Error): void;
}

/** Options of {@link createResiliencePolicy}. */
export interface ResiliencePolicyOptions {
  /** The source's name, for errors and metric labels. */
  readonly source: string;
  readonly capabilities: CapabilityManifest;
}

/** A retryable failure of one attempt, with the wait before the next. */
class RetryScheduled extends Error {
  constructor(
    readonly failure: unknown,
    readonly delayMs: number,
  ) {
    super('retry scheduled');
  }
}

/** Builds the policy of one source. The circuit and the bulkhead are shared by all its calls. */
export function createResiliencePolicy(options: ResiliencePolicyOptions): ResiliencePolicy {
  const { source, capabilities } = options;
  const system = `legacy system "${source}"`;
  const breaker = circuitBreaker(handleWhen(isUnavailableFailure), {
    halfOpenAfter: capabilities.circuitBreaker.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(capabilities.circuitBreaker.consecutiveFailures),
  });
  let openedAt = 0;
  breaker.onBreak(() => {
    openedAt = Date.now();
  });
  const slots = bulkhead(capabilities.maxConcurrency, capabilities.maxQueue);
  const retries = retry(handleType(RetryScheduled), {
    maxAttempts: capabilities.retry.maxAttempts - 1,
    backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) =>
      'error' in context.result && context.result.error instanceof RetryScheduled ? context.result.error.delayMs : 0,
    ),
  });
  const policy = wrap(slots, retries);
  const backoff = createRetryAfterBackoff(capabilities.retry);
  const bucket = capabilities.maxRequestsPerSecond === undefined ? undefined : createTokenBucket({ ratePerSecond: capabilities.maxRequestsPerSecond });
  const waiting = new Set<(reason: Error) => void>();
  let metrics: SourceMetrics = getSourceMetrics(new Registry());

  const circuit = (): CircuitStatus => {
    switch (breaker.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half-open';
      case CircuitState.Open:
        return Date.now() - openedAt >= capabilities.circuitBreaker.halfOpenAfterMs ? 'half-open' : 'open';
      default:
        return 'open';
    }
  };

  const circuitOpen = (): BadGatewayError =>
    new BadGatewayError(`${system} is unavailable (circuit open)`, { details: { source, circuit: 'open' } });
  const saturated = (cause: unknown): BadGatewayError =>
    new BadGatewayError(`${system} is saturated`, {
      cause,
      details: { source, rejection: 'saturated' },
    });
  const rateLimited = (cause: unknown): BadGatewayError =>
    new BadGatewayError(`${system} is rate limited: no request slot before the deadline`, {
      cause,
      details: { source, rejection: 'rate-limited' },
    });

  /** One attempt: rate limit, breaker, the exchange; decides whether another attempt follows. */
  const runAttempt = async <T>(
    call: ResilientCall,
    attempt: (signal: AbortSignal) => Promise<T>,
    number: number,
    state: { last: unknown; plan: IBackoff<IRetryBackoffContext<unknown>> | undefined },
  ): Promise<T> => {
    const { signal } = call;
    // On a loaded machine the deadline's timer can fire late: a call whose deadline has passed waits for it
    // (it is overdue, so it fires at once) instead of sending an attempt it has no time left for.
    if (!signal.aborted && performance.now() >= call.expiresAt) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    }
    if (signal.aborted) throw signal.reason;
    let error: unknown;
    try {
      if (bucket && breaker.state !== CircuitState.Open) {
        try {
          await bucket.take(Math.max(0, call.expiresAt - performance.now()), signal);
        } catch (cause) {
          throw cause instanceof TokenWaitTooLongError ? rateLimited(cause) : cause;
        }
      }
      const answered = await breaker.execute(async () => {
        try {
          return { value: await attempt(signal) };
        } catch (raw) {
          const settled = call.settle(raw);
          // An answer (404, a fault, bad data) proves the system is up: it resets the failure count.
          if (isAnsweredFailure(settled)) return { failure: settled };
          throw settled;
        }
      }, signal);
      if ('failure' in answered) throw answered.failure;
      return answered.value;
    } catch (caught) {
      // The circuit opened (here or under another call's failures): no attempt goes out, not even a retry,
      // which ends with the failure it already had.
      if (isBrokenCircuitError(caught)) throw number > 0 ? state.last : circuitOpen();
      error = call.settle(caught);
    }
    if (call.idempotent && number + 1 < capabilities.retry.maxAttempts && isRetryableFailure(error) && !signal.aborted) {
      const context: IRetryBackoffContext<unknown> = { attempt: number + 1, signal, result: { error: error as Error } };
      state.plan = state.plan ? state.plan.next(context) : backoff.next(context);
      const delayMs = state.plan.duration;
      if (performance.now() + delayMs < call.expiresAt) {
        state.last = error;
        metrics.retries.inc({ source, operation: call.operation });
        throw new RetryScheduled(error, delayMs);
      }
    }
    throw error;
  };

  const run = <T>(call: ResilientCall, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const { signal } = call;
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      let abandoned = false;
      let attempting = false;
      const abandon = (reason: unknown): void => {
        abandoned = true;
        reject(reason);
      };
      // While an attempt runs, it answers the abort itself (and no retry follows an aborted attempt).
      const onAbort = (): void => {
        if (!attempting) abandon(signal.reason);
      };
      waiting.add(abandon);
      signal.addEventListener('abort', onAbort, { once: true });
      const state = { last: undefined as unknown, plan: undefined as IBackoff<IRetryBackoffContext<unknown>> | undefined };
      policy
        .execute(async ({ attempt: number }) => {
          waiting.delete(abandon);
          if (abandoned) throw new Error('abandoned while queued');
          attempting = true;
          try {
            return await runAttempt(call, attempt, number, state);
          } finally {
            attempting = false;
          }
        }, signal)
        .then(resolve, (error: unknown) => {
          if (error instanceof RetryScheduled) reject(error.failure);
          else if (isBulkheadRejectedError(error)) reject(saturated(error));
          else reject(error);
        })
        .finally(() => {
          waiting.delete(abandon);
          signal.removeEventListener('abort', onAbort);
        });
    });

  return {
    source,
    capabilities,

    async execute(call, attempt) {
      const started = performance.now();
      let outcome: CallOutcome = 'success';
      try {
        return await run(call, attempt);
      } catch (raw) {
        const error = call.settle(raw);
        outcome = outcomeOf(error);
        const reason = rejectionReasonOf(error);
        if (reason) metrics.rejections.inc({ source, operation: call.operation, reason });
        throw error;
      } finally {
        const labels = { source, operation: call.operation, outcome };
        metrics.calls.inc(labels);
        metrics.duration.observe(labels, (performance.now() - started) / 1000);
      }
    },

    circuit,

    withCircuit(report) {
      const state = circuit();
      if (state === 'closed') return report;
      if (state === 'half-open') return { ...report, circuit: state };
      return { ...report, status: 'down', detail: `circuit open${report.detail ? `; ${report.detail}` : ''}`, circuit: state };
    },

    useMetrics(registry) {
      metrics = getSourceMetrics(registry ?? new Registry());
      metrics.watchCircuit(source, circuit);
    },

    rejectWaiting(reason) {
      for (const abandon of [...waiting]) abandon(reason);
      waiting.clear();
    },
  };
}

function outcomeOf(error: unknown): CallOutcome {
  if (rejectionReasonOf(error)) return 'rejected';
  if (!isGovgraphError(error)) return 'error';
  switch (error.code) {
    case 'CONN_UPSTREAM_UNAVAILABLE':
      return 'unavailable';
    case 'CONN_UPSTREAM_TIMEOUT':
      return 'timeout';
    case 'CONN_UPSTREAM_INVALID_RESPONSE':
      return 'invalid-response';
    case 'INTERNAL_SERVER_ERROR':
    case 'SDK_CONFIG_INVALID':
      return 'error';
    default:
      return 'client-error';
  }
}
