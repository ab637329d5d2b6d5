/**
 * Configuration of the users subgraph: one zod schema, one parser. Defaults
 * live in the schema and are echoed in the JSDoc `@default`s. Parsing reports
 * every problem at once, naming the option and the value given, and returns a
 * frozen object. Only `main.ts` builds the input, from the environment.
 */
import { ConfigError, integerOption, subgraphSecuritySchema, type SubgraphSecurity } from '@govgraph/sdk';

/** Digit strings from the environment are read as numbers; a signed string is refused as set. */
const UNSIGNED = { rangeMessage: true, signed: false } as const;
import { z } from 'zod';

/** A validated, frozen configuration; build it with {@link parseUsersSubgraphConfig}. */
export interface UsersSubgraphConfig {
  /** The population registry's SOAP endpoint (its WSDL is read from `?wsdl`). Env `POPULATION_URL`. */
  readonly populationUrl: string;
  /** The legal-person registry's base URL (the API is under `/api/v1`). Env `LEGAL_PERSON_URL`. */
  readonly legalPersonUrl: string;
  /**
   * Deadline of one call to either registry, in milliseconds. Env `LEGACY_TIMEOUT_MS`.
   * @default 5000
   */
  readonly timeoutMs: number;
  /**
   * Port to listen on (0: an ephemeral port). Env `PORT`.
   * @default 4001
   */
  readonly port: number;
  /**
   * Interface to listen on. Env `HOST`.
   * @default '127.0.0.1'
   */
  readonly host: string;
  /**
   * Env `LOG_LEVEL`.
   * @default 'info'
   */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * How the subgraph trusts callers: `{ mode: 'verify', jwksUrl | publicKeyJwk | jwks, … }` (the gateway's
   * signed context token on every request) or `{ mode: 'development' }` (every caller trusted; never in
   * production). Optional here, required by `createUsersSubgraph`. Env `GATEWAY_JWKS_URL`,
   * `GATEWAY_PUBLIC_KEY_JWK` or `GOVGRAPH_DEV_MODE=1`.
   */
  readonly security?: SubgraphSecurity;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const required = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message);


/** An absolute http(s) URL without credentials, query or fragment. */
const httpUrl = z.string({ error: required('must be an http(s) URL') }).refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.hash && !url.search;
    } catch {
      return false;
    }
  },
  { error: 'must be an absolute http(s) URL without credentials, query or fragment' },
);

const usersSubgraphConfigSchema = z.strictObject(
  {
    populationUrl: httpUrl,
    legalPersonUrl: httpUrl,
    timeoutMs: integerOption(1, 600_000, UNSIGNED).default(5000),
    port: integerOption(0, 65_535, UNSIGNED).default(4001),
    host: z.string({ error: 'must be a host name or address' }).trim().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
    logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    security: subgraphSecuritySchema.optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'must be an object' : undefined) },
);

/**
 * Validates `input` and returns a frozen {@link UsersSubgraphConfig} with defaults applied.
 * @throws ConfigError (`SDK_CONFIG_INVALID`) listing every bad option with the value given
 */
export function parseUsersSubgraphConfig(input: unknown): UsersSubgraphConfig {
  const result = usersSubgraphConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${key}: is not an option (typo?)`);
      const path = issue.path.map(String).join('.');
      return [`${path || '(config)'}: ${issue.message}${describeValue(input, issue.path)}`];
    });
    throw new ConfigError(`Invalid users subgraph configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    });
  }
  return Object.freeze({ ...result.data });
}

function describeValue(input: unknown, path: readonly PropertyKey[]): string {
  // Security problems name what is wrong themselves; a key given by mistake (a private JWK) is never echoed.
  if (path.length === 0 || path[0] === 'security') return '';
  let value: unknown = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
}
