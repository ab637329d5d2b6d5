/**
 * Everything one call to a legacy system goes through, whatever the
 * protocol: the deadline (timeout + the client's abort signal), the
 * concurrency cap, mapping of failures, the counters, and one log line
 * (source, operation, status, durationMs) on the request's logger.
 */
import { getRequestScope } from '../context/request-context';
import { isGovgraphError, UpstreamTimeoutError } from '../errors';
import type { Logger } from '../logger';
import { createCallDeadline, type CallDeadline } from './call-deadline';
import { createUpstreamTimeoutError } from './create-upstream-timeout-error';
import { mapTransportFailure } from './map-transport-failure';
import type { Semaphore } from './semaphore';

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

/** @internal What {@link createCallRunner} needs: the source's name, timeout, concurrency cap, counters and logger. */
export interface CallRunnerOptions {
  readonly source: string;
  readonly timeoutMs: number;
  readonly semaphore: Semaphore;
  readonly counters: CallCounters;
  /** The source's logger from `start()`, used outside a request scope. */
  readonly logger: () => Logger | undefined;
}

/** @internal Runs one exchange under the source's policies. */
export type CallRunner = <T>(operation: string, exchange: (signal: AbortSignal) => Promise<Exchanged<T>>) => Promise<T>;

/** Failures that are the legacy system's, worth a warning; the rest (mapped client errors) are routine. */
const UPSTREAM_FAILURES = new Set(['CONN_UPSTREAM_UNAVAILABLE', 'CONN_UPSTREAM_TIMEOUT', 'CONN_UPSTREAM_INVALID_RESPONSE']);

/**
 * @internal Creates the runner every call of one source goes through, so REST,
 * SOAP and later protocols share one deadline, cap, failure mapping and log line.
 */
export function createCallRunner(options: CallRunnerOptions): CallRunner {
  const { source, timeoutMs, semaphore, counters } = options;

  /** Decides what the caller sees: taxonomy errors as they are, then timeout, client abort, transport. */
  const settle = (error: unknown, deadline: CallDeadline): unknown => {
    if (isGovgraphError(error)) return error;
    if (deadline.timedOut) return createUpstreamTimeoutError(source, timeoutMs, error);
    if (deadline.callerAborted) return deadline.callerReason ?? error;
    return mapTransportFailure(source, error);
  };

  return async <T>(operation: string, exchange: (signal: AbortSignal) => Promise<Exchanged<T>>): Promise<T> => {
    const scope = getRequestScope();
    const logger = scope?.logger ?? options.logger();
    const started = performance.now();
    const deadline = createCallDeadline(timeoutMs, scope?.signal);
    counters.calls += 1;
    try {
      const release = await semaphore.acquire(deadline.signal);
      let result: Exchanged<T>;
      try {
        result = await exchange(deadline.signal);
      } finally {
        release();
      }
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
