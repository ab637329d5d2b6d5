/**
 * Configuration of a REST source. `parseRestSourceConfig` is the only way in:
 * it applies the defaults, reports every bad option at once and returns a
 * frozen object, so a source never runs on half-valid settings.
 */
import { z } from 'zod';
import {
  capabilityManifestInputSchema,
  createConfigError,
  findCapabilityConflicts,
  integerOption,
  resolveCapabilities,
  staticHeadersOption,
  type CapabilityManifest,
} from '@govgraph/sdk';
import type { RestAuthConfig } from './auth/rest-auth-config';
import { checkAuthAgainstSource, restAuthSchema } from './auth/rest-auth-schema';

/** A validated, frozen REST source configuration. Build one with {@link parseRestSourceConfig}. */
export interface RestSourceConfig {
  /** The legacy system, kebab-case (e.g. `'case-handling'`). Named in errors, logs and `/readyz`. */
  readonly name: string;
  /**
   * Where the legacy system's API lives: `http(s)://host[:port][/base/path]`, no query, no credentials.
   * Normalised without a trailing slash; request paths are appended to it.
   */
  readonly baseUrl: string;
  /**
   * Deadline of one call, from queueing to the last byte of the body, retries included.
   * A shortcut for `capabilities.timeoutMs` (giving both with different values is an error).
   * @default 5000
   */
  readonly timeoutMs: number;
  /**
   * Deadline of one health probe; short, so `/readyz` answers quickly when the legacy system hangs.
   * @default 2000
   */
  readonly healthTimeoutMs: number;
  /**
   * Headers sent with every call, e.g. `{ 'x-api-key': '…' }`. Names are lower-cased. Never logged or echoed in errors.
   * @default {}
   */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Path (under `baseUrl`) that answers 2xx when the legacy system is healthy.
   * @default '/healthz'
   */
  readonly healthPath: string;
  /**
   * At most this many calls in flight to the legacy system; further calls wait (within their deadline) in a
   * queue of `capabilities.maxQueue`. A shortcut for `capabilities.maxConcurrency`.
   * @default 16
   */
  readonly maxConcurrency: number;
  /**
   * A response body larger than this fails with `UpstreamDataError` instead of filling memory.
   * @default 10485760 (10 MiB)
   */
  readonly maxResponseBytes: number;
  /**
   * How the source proves who it is to the legacy system: `api-key` (header or query), `basic`,
   * `oauth2-client-credentials` (cached bearer token), or `mtls` (client certificate, optionally `then` one of the
   * others). Secret: never logged or echoed in errors. See the README's "Authentication".
   * @default undefined (no credentials beyond `headers`)
   */
  readonly auth?: RestAuthConfig | undefined;
  /**
   * The capability manifest of the legacy system (retries, circuit breaker, queue, rate limit, batch size, …;
   * see the SDK README's "Resilience"), when configured. Its `timeoutMs` and `maxConcurrency` are the ones above.
   * The source's effective manifest, defaults included, is `source.capabilities`.
   * @default undefined (the manifest's defaults)
   */
  readonly capabilities?: CapabilityManifest | undefined;
}

const baseUrl = z.string({ error: 'must be an http(s) URL' }).transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL', input: value });
    return z.NEVER;
  }
  const problems = [
    url.protocol !== 'http:' && url.protocol !== 'https:' ? 'must use http or https' : undefined,
    url.username || url.password ? 'must not carry credentials (use headers)' : undefined,
    url.search || url.hash ? 'must not have a query or fragment' : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  for (const message of problems) ctx.addIssue({ code: 'custom', message, input: value });
  return problems.length ? z.NEVER : `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
});

const headers = staticHeadersOption();

const restSourceConfigSchema = z
  .object(
    {
    name: z.string({ error: 'is required' }).regex(/^[a-z][a-z0-9-]{0,62}$/, { error: 'must be kebab-case (a-z, 0-9, -), at most 63 characters' }),
    baseUrl,
    timeoutMs: integerOption(1, 600_000, { rangeMessage: true, signed: false, unit: 'milliseconds' }).optional(),
    healthTimeoutMs: integerOption(1, 60_000, { rangeMessage: true, signed: false, unit: 'milliseconds' }).default(2000),
    headers: headers.default(Object.freeze({})),
    healthPath: z
      .string({ error: 'must be a path' })
      .regex(/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/, { error: "must start with '/' and be already percent-encoded" })
      .default('/healthz'),
    maxConcurrency: integerOption(1, 1024, { rangeMessage: true, signed: false }).optional(),
    maxResponseBytes: integerOption(1, 1024 * 1024 * 1024, { rangeMessage: true, signed: false, unit: 'bytes' }).default(10 * 1024 * 1024),
    auth: restAuthSchema.optional(),
    capabilities: capabilityManifestInputSchema.optional(),
    },
    { error: 'must be an object' },
  )
  .strict()
  .superRefine((config, ctx) =>
    checkAuthAgainstSource(config.auth, config, (path, message) => ctx.addIssue({ code: 'custom', path: [...path], message })),
  )
  .superRefine((config, ctx) => {
    for (const { path, message, value } of findCapabilityConflicts(config.capabilities, config)) ctx.addIssue({ code: 'custom', path, message, input: value });
  })
  .transform(({ capabilities, ...config }) => {
    const manifest = resolveCapabilities(capabilities, config);
    return { ...config, timeoutMs: manifest.timeoutMs, maxConcurrency: manifest.maxConcurrency, ...(capabilities ? { capabilities: manifest } : {}) };
  });

/**
 * Validates `input` (e.g. an object built from the environment in `main.ts`)
 * and returns a frozen {@link RestSourceConfig} with defaults applied.
 *
 * @throws ConfigError listing every bad option, with the value given (secret headers are not shown).
 */
export function parseRestSourceConfig(input: unknown): RestSourceConfig {
  const result = restSourceConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    // `auth` is secret as a whole: even a bare string given in its place is not echoed.
    const issues = result.error.issues.map((issue) => (issue.path[0] === 'auth' && issue.path.length === 1 ? ({ ...issue, input: '(not shown: secret option)' } as z.core.$ZodIssue) : issue));
    throw createConfigError('rest source', issues, ['headers', 'auth']);
  }
  const config: RestSourceConfig = result.data;
  return Object.freeze(config);
}
