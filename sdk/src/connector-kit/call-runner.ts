/**
 * Everything one call to a legacy system goes through, whatever the
 * protocol: the deadline (timeout + the client's abort signal), the source's
 * resilience policy (bulkhead, retries of idempotent calls, rate limit,
 * circuit breaker: see `resilience/create-resilience-policy.ts`), mapping of
 * failures, the counters, and one log line (source, operation, status,
 * durationMs) on the request's logger.
 */
import { getRequestScope } from '../context/request-context';
import { isGovgraphError, UpstreamTimeoutError } from '../errors';
import type { Logger } from '../logger';
import type { ResiliencePolicy } from '../resilience/create-resilience-policy';
import { createCallDeadline, type CallDeadline } from './call-deadline';
import { createUpstreamTimeoutError } from './create-upstream-timeout-error';
import { mapTransportFailure } from './map-transport-failure';

/** @internal Mutable counters behind `stats()`. */
export interface CallCounters {
  calls: number;
  failures: number;
  timeouts: number;
}

/** @internal What a successful exchange yields. */
export interface Exchanged<T> {
  readonly status: number;
  readonly value: T;
}

/** @internal What {@link createCallRunner} needs: the source's name, resilience policy, counters and logger. */
export interface CallRunnerOptions {
  readonly source: string;
  /** The source's policy; its manifest's `timeoutMs` is the deadline of each call. */
  readonly policy: ResiliencePolicy;
  readonly counters: CallCounters;
  /** The source's logger from `start()`, used outside a request scope. */
  readonly logger: () => Logger | undefined;
}

/** @internal Options of one call of a {@link CallRunner}. */
export interface CallOptions {
  /** Safe to repeat (the manifest's `idempotentOperations`, or the protocol's default): only then retried. @default false */
  readonly idempotent?: boolean;
}

/**
 * @internal Runs one exchange under the source's policies. `exchange` may run more than once (retries of an
 * idempotent call), each time with the call's deadline signal.
 */
export type CallRunner = <T>(operation: string, exchange: (signal: AbortSignal) => Promise<Exchanged<T>>, options?: CallOptions) => Promise<T>;

/** Failures that are the legacy system's, worth a warning; the rest (mapped client errors) are routine. */
const UPSTREAM_FAILURES = new Set(['CONN_UPSTREAM_UNAVAILABLE', 'CONN_UPSTREAM_TIMEOUT', 'CONN_UPSTREAM_INVALID_RESPONSE']);

/**
 * @internal Creates the runner every call of one source goes through, so REST,
 * SOAP and later protocols share one deadline, cap, failure mapping and log line.
 */
export function createCallRunner(options: CallRunnerOptions): CallRunner {
  const { source, policy, counters } = options;
  const { timeoutMs } = policy.capabilities;

  /** Decides what the caller sees: taxonomy errors as they are, then timeout, client abort, transport. */
  const settle = (error: unknown, deadline: CallDeadline): unknown => {
    if (isGovgraphError(error)) return error;
    if (deadline.timedOut) return createUpstreamTimeoutError(source, timeoutMs, error);
    if (deadline.callerAborted) return deadline.callerReason ?? error;
    return mapTransportFailure(source, error);
  };

  return async <T>(operation: string, exchange: (signal: AbortSignal) => Promise<Exchanged<T>>, callOptions: CallOptions = {}): Promise<T> => {
    const scope = getRequestScope();
    const logger = scope?.logger ?? options.logger();
    const started = performance.now();
    const deadline = createCallDeadline(timeoutMs, scope?.signal);
    counters.calls += 1;
    try {
      const result = await policy.execute(
        {
          operation,
          idempotent: callOptions.idempotent ?? false,
          signal: deadline.signal,
          expiresAt: deadline.expiresAt,
          settle: (error) => settle(error, deadline),
        },
        exchange,
      );
      logger?.debug({ source, operation, status: result.status, durationMs: elapsed(started) }, 'legacy call');
      return result.value;
    } catch (raw) {
      const error = settle(raw, deadline);
      counters.failures += 1;
      if (error instanceof UpstreamTimeoutError) counters.timeouts += 1;
      const status = isGovgraphError(error) ? error.details?.['status'] : undefined;
      const code = isGovgraphError(error) ? error.code : 'INTERNAL_SERVER_ERROR';
      const entry = { source, operation, status, durationMs: elapsed(started), error: code, cause: describeCause(error) };
      if (UPSTREAM_FAILURES.has(code)) logger?.warn(entry, 'legacy call failed');
      else logger?.debug(entry, 'legacy call failed');
      throw error;
    } finally {
      deadline.dispose();
    }
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** The raw reason for the log: the cause's message (hosts and bodies are fine here, never in `message`). */
function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
