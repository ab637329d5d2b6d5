/**
 * Configuration of a REST source. `parseRestSourceConfig` is the only way in:
 * it applies the defaults, reports every bad option at once and returns a
 * frozen object, so a source never runs on half-valid settings.
 */
import { z } from 'zod';
import { createConfigError } from '@govgraph/sdk';

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
   * Deadline of one call, from queueing to the last byte of the body.
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
   * At most this many calls in flight to the legacy system; further calls wait (within their deadline).
   * @default 16
   */
  readonly maxConcurrency: number;
  /**
   * A response body larger than this fails with `UpstreamDataError` instead of filling memory.
   * @default 10485760 (10 MiB)
   */
  readonly maxResponseBytes: number;
}

/** Headers a source sets itself; configuring them statically would break calls. */
const RESERVED_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'upgrade', 'keep-alive', 'x-request-id']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** An integer option; digit strings are accepted so environment variables can be passed through. */
function integerOption(min: number, max: number, unit: string) {
  const message = `must be an integer from ${min} to ${max}${unit ? ` (${unit})` : ''}`;
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }),
  );
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

const headers = z
  .record(
    z
      .string()
      .refine((name) => TOKEN.test(name), { error: 'is not a valid header name' })
      .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), { error: 'is set by the source itself' }),
    z.string({ error: 'must be a string' }).refine((value) => HEADER_VALUE.test(value), { error: 'must not contain line breaks or control characters' }),
  )
  .transform((record) => Object.freeze(Object.fromEntries(Object.entries(record).map(([name, value]) => [name.toLowerCase(), value]))));

const restSourceConfigSchema = z
  .object(
    {
    name: z.string({ error: 'is required' }).regex(/^[a-z][a-z0-9-]{0,62}$/, { error: 'must be kebab-case (a-z, 0-9, -), at most 63 characters' }),
    baseUrl,
    timeoutMs: integerOption(1, 600_000, 'milliseconds').default(5000),
    healthTimeoutMs: integerOption(1, 60_000, 'milliseconds').default(2000),
    headers: headers.default(Object.freeze({})),
    healthPath: z
      .string({ error: 'must be a path' })
      .regex(/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/, { error: "must start with '/' and be already percent-encoded" })
      .default('/healthz'),
    maxConcurrency: integerOption(1, 1024, '').default(16),
    maxResponseBytes: integerOption(1, 1024 * 1024 * 1024, 'bytes').default(10 * 1024 * 1024),
    },
    { error: 'must be an object' },
  )
  .strict();

/**
 * Validates `input` (e.g. an object built from the environment in `main.ts`)
 * and returns a frozen {@link RestSourceConfig} with defaults applied.
 *
 * @throws ConfigError listing every bad option, with the value given (secret headers are not shown).
 */
export function parseRestSourceConfig(input: unknown): RestSourceConfig {
  const result = restSourceConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw createConfigError('rest source', result.error.issues, ['headers']);
  const config: RestSourceConfig = result.data;
  return Object.freeze(config);
}
