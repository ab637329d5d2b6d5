/**
 * Switches that make a simulated legacy system misbehave the way real ones do
 * (slow answers, 5xx, dropped connections, garbage bodies, no answer at all),
 * so connectors' timeouts, retries and circuit breakers are tested against a
 * real socket rather than a mock.
 */

/**
 * - `none`: answer normally.
 * - `error`: the protocol's server error (HTTP 500 JSON error, or a `soap:Server` fault with HTTP 500).
 * - `reset`: destroy the connection without answering (the client sees ECONNRESET / "socket hang up").
 * - `malformed`: status 200 with the first half of the real body, so it never parses.
 * - `hang`: never answer; the request is ended only when the simulator closes.
 */
export type FailureMode = 'none' | 'error' | 'reset' | 'malformed' | 'hang';

/** All failure modes, for validation and docs. */
export const FAILURE_MODES: readonly FailureMode[] = Object.freeze(['none', 'error', 'reset', 'malformed', 'hang']);

/** Options of {@link FaultInjector.setFailure}. */
export interface FailureOptions {
  /** Fail only the next N matching requests, then answer normally again. @default unlimited */
  readonly times?: number;
  /** Fail only requests of these operations (names as counted by the {@link CallCounter}). @default every operation */
  readonly operations?: readonly string[];
}

/** The injector's current settings. */
export interface FaultState {
  readonly latencyMs: number;
  readonly failure: FailureMode;
  /** Failures left before the mode reverts to `none`; `null` = unlimited. */
  readonly remaining: number | null;
  /** Operations the failure is limited to; `null` = all. */
  readonly operations: readonly string[] | null;
}

/** Test-facing fault switches of a simulator. */
export interface FaultInjector {
  /** Delays every answer (including injected failures) by `ms` milliseconds. 0 turns it off. */
  setLatency(ms: number): void;
  /** Makes requests fail in `mode`; `setFailure('none')` turns failures off. */
  setFailure(mode: FailureMode, options?: FailureOptions): void;
  /** Back to no latency and no failure. */
  reset(): void;
  /** The current settings. */
  current(): FaultState;
}

/** What to do with one request. @internal */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly failure: FailureMode;
}

/** A fault injector the simulator consults once per request. @internal */
export interface DecidingFaultInjector extends FaultInjector {
  /** Decides the fate of one request of `operation`, consuming one of the limited failures. */
  decide(operation: string): FaultDecision;
}

/** Creates an injector with no latency and no failure. */
export function createFaultInjector(): DecidingFaultInjector {
  let latencyMs = 0;
  let failure: FailureMode = 'none';
  let remaining: number | null = null;
  let operations: ReadonlySet<string> | null = null;

  const clearFailure = (): void => {
    failure = 'none';
    remaining = null;
    operations = null;
  };

  return {
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a finite number ≥ 0, got ${ms}`);
      latencyMs = ms;
    },
    setFailure(mode, options = {}) {
      if (!FAILURE_MODES.includes(mode)) {
        throw new RangeError(`unknown failure mode ${JSON.stringify(mode)}; expected one of ${FAILURE_MODES.join(', ')}`);
      }
      const { times, operations: only } = options;
      if (times !== undefined && (!Number.isInteger(times) || times < 1)) {
        throw new RangeError(`times must be a positive integer, got ${times}`);
      }
      if (mode === 'none') {
        clearFailure();
        return;
      }
      failure = mode;
      remaining = times ?? null;
      operations = only === undefined ? null : new Set(only);
    },
    reset() {
      latencyMs = 0;
      clearFailure();
    },
    current: () => ({ latencyMs, failure, remaining, operations: operations === null ? null : [...operations] }),
    decide(operation) {
      if (failure === 'none' || (operations !== null && !operations.has(operation))) {
        return { latencyMs, failure: 'none' };
      }
      const decided = failure;
      if (remaining !== null) {
        remaining -= 1;
        if (remaining === 0) clearFailure();
      }
      return { latencyMs, failure: decided };
    },
  };
}
