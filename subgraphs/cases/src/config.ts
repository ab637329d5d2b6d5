/**
 * Configuration of the cases subgraph. `parseCasesSubgraphConfig` is the
 * only way in: it applies the defaults, reports every bad option at once
 * (naming it and the value given) and returns a frozen object. `main.ts`
 * builds the input from the environment; tests pass objects.
 */
import { ConfigError, integerOption, subgraphSecuritySchema, type SubgraphSecurity } from '@govgraph/sdk';

/** Digit strings from the environment are read as numbers; a signed string is refused as set. */
const UNSIGNED = { rangeMessage: true, signed: false } as const;
import { z } from 'zod';

/** Default port of the cases subgraph. */
export const DEFAULT_CASES_PORT = 4004;

/** A validated, frozen configuration. Build one with {@link parseCasesSubgraphConfig}. */
export interface CasesSubgraphConfig {
  /**
   * Base URL of the city case-handling system: its origin (and base path, if
   * any), under which `/api/v1/cases` and `/healthz` live. Env `CASES_URL`.
   */
  readonly casesUrl: string;
  /**
   * Deadline of one call to the case-handling system, in milliseconds. Env `CASES_TIMEOUT_MS`.
   * @default 5000
   */
  readonly timeoutMs: number;
  /**
   * Port `main.ts` listens on. Env `PORT`.
   * @default 4004
   */
  readonly port: number;
  /**
   * Address `main.ts` binds. Env `HOST`.
   * @default '127.0.0.1'
   */
  readonly host: string;
  /**
   * Level of the default logger. Env `LOG_LEVEL`.
   * @default 'info'
   */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * How the subgraph trusts callers: `{ mode: 'verify', jwksUrl | publicKeyJwk | jwks, … }` (the gateway's
   * signed context token on every request) or `{ mode: 'development' }` (every caller trusted; never in
   * production). Optional here, required by `createCasesSubgraph`. Env `GATEWAY_JWKS_URL`,
   * `GATEWAY_PUBLIC_KEY_JWK` or `GOVGRAPH_DEV_MODE=1`.
   */
  readonly security?: SubgraphSecurity;
}


const httpUrl = z.string({ error: 'must be an http(s) URL' }).superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL', input: value });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must use http or https', input: value });
  if (url.username || url.password) {
    // The value itself is not echoed: it holds a secret.
    ctx.addIssue({ code: 'custom', message: 'must not carry credentials', input: `${url.protocol}//***@${url.host}${url.pathname}` });
  }
  if (url.search || url.hash) ctx.addIssue({ code: 'custom', message: 'must not have a query or fragment', input: value });
});

const casesSubgraphConfigSchema = z
  .object(
    {
      casesUrl: httpUrl,
      timeoutMs: integerOption(1, 600_000, UNSIGNED).default(5000),
      port: integerOption(0, 65_535, UNSIGNED).default(DEFAULT_CASES_PORT),
      host: z.string({ error: 'must be a host name or address' }).min(1, { error: 'must not be empty' }).default('127.0.0.1'),
      logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be one of debug, info, warn, error, silent' }).default('info'),
      security: subgraphSecuritySchema.optional(),
    },
    { error: 'must be an object' },
  )
  .strict();

/**
 * Validates `input` and returns a frozen {@link CasesSubgraphConfig} with defaults applied.
 *
 * @example parseCasesSubgraphConfig({ casesUrl: 'http://cases.internal:8080', timeoutMs: '3000' })
 * @throws ConfigError listing every bad option with the value given.
 */
export function parseCasesSubgraphConfig(input: unknown): CasesSubgraphConfig {
  const result = casesSubgraphConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      const option = issue.path.map(String).join('.') || '(config)';
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${key}: is not an option`);
      return [`${option}: ${issue.message}, got ${show(issue.input)}`];
    });
    throw new ConfigError(`invalid cases subgraph configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      details: { problems },
    });
  }
  return Object.freeze({ ...result.data });
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
