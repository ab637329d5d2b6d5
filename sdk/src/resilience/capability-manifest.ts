/**
 * The capability manifest: what load a legacy system tolerates and how it
 * behaves, written down once per source by the department that knows the
 * system (a 2005 SOAP service sized for twenty clerks is not a cloud API).
 * The resilience policy of a source (`createResiliencePolicy`) is built from
 * it: timeout, retries, circuit breaker, concurrency cap, rate limit. Loaders
 * read `batch` and `pagination` from `source.capabilities`.
 *
 * Every connector accepts it as its `capabilities` option; their older
 * `timeoutMs` / `maxConcurrency` options are shortcuts for the same fields
 * (see {@link resolveCapabilities}).
 */
import { z } from 'zod';
import { integerOption, numberOption } from '../connector-kit/config-values';
import { parseConfig } from '../connector-kit/parse-config';

/** How a legacy system pages through lists, so loaders know which arguments it takes. */
export type PaginationStyle = 'page' | 'offset' | 'cursor' | 'keyset' | 'none';

/** Retries of idempotent calls (exponential backoff with jitter, `Retry-After` honoured). */
export interface RetryCapabilities {
  /** Attempts of one call in all, the first included; `1` turns retries off. @default 3 */
  readonly maxAttempts: number;
  /** The first backoff delay; later ones grow exponentially, with jitter. @default 100 */
  readonly initialDelayMs: number;
  /** The longest backoff delay. @default 2000 */
  readonly maxDelayMs: number;
  /** The longest wait a `Retry-After` answer may ask for; a longer one is cut to this. @default 10000 */
  readonly maxRetryAfterMs: number;
}

/** When the source stops calling a failing legacy system for a while. */
export interface CircuitBreakerCapabilities {
  /** Consecutive failed attempts (unreachable, no answer, HTTP 502/503/504) that open the circuit. @default 5 */
  readonly consecutiveFailures: number;
  /** How long the circuit stays open before one trial call may go through (half-open). @default 10000 */
  readonly halfOpenAfterMs: number;
}

/** A parsed, frozen capability manifest. Build one with {@link parseCapabilityManifest} or a connector's config parser. */
export interface CapabilityManifest {
  /** Requests per second the system accepts; calls beyond it wait (within their deadline) or fail. Unset: no limit. */
  readonly maxRequestsPerSecond: number | undefined;
  /** Calls in flight at once. @default 16 */
  readonly maxConcurrency: number;
  /** Calls waiting for a free slot; one more fails at once as saturated. @default 100 */
  readonly maxQueue: number;
  /** The largest batch one call may carry (loaders split larger ones), or `false`: no batch operation. @default false */
  readonly batch: { readonly maxSize: number } | false;
  /** How the system pages through lists. @default 'none' */
  readonly pagination: PaginationStyle;
  /**
   * Operations safe to repeat, by name (the REST call's `operation` or HTTP method, the SOAP operation, the SQL
   * statement's `operation`). Only these are ever retried. Unset: the protocol's default (REST: GET, HEAD and
   * OPTIONS; SOAP: none; SQL: SELECT statements).
   */
  readonly idempotentOperations: readonly string[] | undefined;
  /** Deadline of one call, from queueing to the last byte, retries and backoff included. @default 5000 */
  readonly timeoutMs: number;
  readonly retry: RetryCapabilities;
  readonly circuitBreaker: CircuitBreakerCapabilities;
}

/** A capability manifest as written in a config (every field optional; numbers may be digit strings). */
export type CapabilityManifestInput = z.input<typeof capabilityManifestInputSchema>;

/** The defaults of every manifest field. */
export const CAPABILITY_DEFAULTS = Object.freeze({
  maxConcurrency: 16,
  maxQueue: 100,
  pagination: 'none' as PaginationStyle,
  timeoutMs: 5000,
  retry: Object.freeze({ maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 2000, maxRetryAfterMs: 10_000 }),
  circuitBreaker: Object.freeze({ consecutiveFailures: 5, halfOpenAfterMs: 10_000 }),
});

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/;

/**
 * @internal The `capabilities` option as written: validated, nothing defaulted yet, so a connector can tell
 * a field that was given from one that was not (see {@link findCapabilityConflicts}).
 */
export const capabilityManifestInputSchema = z.strictObject({
  maxRequestsPerSecond: numberOption(0.001, 100_000).optional(),
  maxConcurrency: integerOption(1, 1024).optional(),
  maxQueue: integerOption(0, 100_000).optional(),
  batch: z.union([z.literal(false), z.strictObject({ maxSize: integerOption(1, 100_000) })]).optional(),
  pagination: z.enum(['page', 'offset', 'cursor', 'keyset', 'none']).optional(),
  idempotentOperations: z.array(z.string().regex(OPERATION_NAME, 'must be an operation name or an HTTP method')).optional(),
  timeoutMs: integerOption(1, 600_000).optional(),
  retry: z
    .strictObject({
      maxAttempts: integerOption(1, 10).optional(),
      initialDelayMs: integerOption(0, 60_000).optional(),
      maxDelayMs: integerOption(0, 600_000).optional(),
      maxRetryAfterMs: integerOption(0, 600_000).optional(),
    })
    .optional(),
  circuitBreaker: z
    .strictObject({
      consecutiveFailures: integerOption(1, 1000).optional(),
      halfOpenAfterMs: integerOption(1, 3_600_000).optional(),
    })
    .optional(),
});

/** @internal The parsed `capabilities` option, before defaults. */
export type ParsedCapabilityInput = z.output<typeof capabilityManifestInputSchema>;

/** @internal A connector's older options that stand for manifest fields. */
export interface CapabilityShortcuts {
  readonly timeoutMs?: number | undefined;
  readonly maxConcurrency?: number | undefined;
}

/**
 * @internal Problems of a manifest as a whole, and shortcuts that contradict it (`timeoutMs: 3000` beside
 * `capabilities.timeoutMs: 5000`): each as the option's dotted path and a message.
 */
export function findCapabilityConflicts(
  input: ParsedCapabilityInput | undefined,
  shortcuts: CapabilityShortcuts = {},
  prefix = 'capabilities',
): { readonly path: string[]; readonly message: string; readonly value: unknown }[] {
  const problems: { path: string[]; message: string; value: unknown }[] = [];
  if (!input) return problems;
  for (const key of ['timeoutMs', 'maxConcurrency'] as const) {
    const shortcut = shortcuts[key];
    const given = input[key];
    if (shortcut !== undefined && given !== undefined && shortcut !== given) {
      problems.push({ path: [prefix, key], message: `contradicts the ${key} option (${shortcut}): give one of them, or the same value`, value: given });
    }
  }
  const initial = input.retry?.initialDelayMs ?? CAPABILITY_DEFAULTS.retry.initialDelayMs;
  const max = input.retry?.maxDelayMs ?? CAPABILITY_DEFAULTS.retry.maxDelayMs;
  if (initial > max) problems.push({ path: [prefix, 'retry', 'maxDelayMs'], message: `must not be less than retry.initialDelayMs (${initial})`, value: max });
  return problems;
}

/**
 * Fills in the defaults: a manifest field wins, then the connector's shortcut option, then the default.
 * Returns a frozen manifest. @internal
 */
export function resolveCapabilities(input: ParsedCapabilityInput | undefined, shortcuts: CapabilityShortcuts = {}): CapabilityManifest {
  const given = input ?? {};
  return Object.freeze({
    maxRequestsPerSecond: given.maxRequestsPerSecond,
    maxConcurrency: given.maxConcurrency ?? shortcuts.maxConcurrency ?? CAPABILITY_DEFAULTS.maxConcurrency,
    maxQueue: given.maxQueue ?? CAPABILITY_DEFAULTS.maxQueue,
    batch: given.batch ? Object.freeze({ maxSize: given.batch.maxSize }) : false,
    pagination: given.pagination ?? CAPABILITY_DEFAULTS.pagination,
    idempotentOperations: given.idempotentOperations ? Object.freeze([...given.idempotentOperations]) : undefined,
    timeoutMs: given.timeoutMs ?? shortcuts.timeoutMs ?? CAPABILITY_DEFAULTS.timeoutMs,
    retry: Object.freeze({ ...CAPABILITY_DEFAULTS.retry, ...definedOnly(given.retry) }),
    circuitBreaker: Object.freeze({ ...CAPABILITY_DEFAULTS.circuitBreaker, ...definedOnly(given.circuitBreaker) }),
  });
}

const capabilityManifestSchema = capabilityManifestInputSchema
  .superRefine((input, ctx) => {
    for (const problem of findCapabilityConflicts(input, {}, '')) {
      ctx.addIssue({ code: 'custom', path: problem.path.filter(Boolean), message: problem.message, input: problem.value });
    }
  })
  .transform((input) => resolveCapabilities(input));

/**
 * Validates a capability manifest (from code, YAML or environment strings) and returns it frozen, with defaults.
 * @throws ConfigError naming every bad field and its value at once.
 */
export function parseCapabilityManifest(input: unknown): CapabilityManifest {
  return parseConfig(capabilityManifestSchema, input, 'capability manifest');
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
