/**
 * How a subgraph trusts its callers (`createSubgraph({ security })`, a
 * required option: a subgraph must say it). In `verify` mode every GraphQL
 * request must carry the gateway's signed context token, checked against the
 * gateway's Ed25519 public key (one JWK, a JWKS, or the gateway's JWKS URL);
 * in `development` mode every caller is trusted, which is for a developer's
 * machine only and is logged loudly.
 *
 * One zod schema (`subgraphSecuritySchema`) so a subgraph's own config schema
 * can embed it (`security: subgraphSecuritySchema`) and report its problems
 * with the rest, each naming the option (`security.jwksUrl`).
 */
import type { JWK } from 'jose';
import { z } from 'zod';
import { ConfigError } from '../errors';

/** A JSON Web Key (RFC 7517), as `jose` types it. Context keys are Ed25519: `{ kty: 'OKP', crv: 'Ed25519', x }`. */
export type JsonWebKey = JWK;

/** The gateway's default `iss` of context tokens. */
export const DEFAULT_CONTEXT_TOKEN_ISSUER = 'govgraph-gateway';

/** Where the gateway's public key comes from: exactly one of the three. */
export type ContextKeySource =
  | { readonly publicKeyJwk: JsonWebKey; readonly jwks?: never; readonly jwksUrl?: never }
  | { readonly jwks: { readonly keys: readonly JsonWebKey[] }; readonly publicKeyJwk?: never; readonly jwksUrl?: never }
  | { readonly jwksUrl: string; readonly publicKeyJwk?: never; readonly jwks?: never };

/** `verify` mode: every GraphQL request must carry a valid gateway context token. */
export type VerifySecurityOptions = ContextKeySource & {
  readonly mode: 'verify';
  /** The token's required `iss`. @default 'govgraph-gateway' */
  readonly issuer?: string;
  /** The token's required `aud`. @default the subgraph's name */
  readonly audience?: string;
  /** Leeway on `exp` and `nbf`, in seconds (clock skew between gateway and subgraph). @default 5 */
  readonly clockToleranceSeconds?: number;
};

/** `development` mode: every caller is trusted (no token needed). Never for production. */
export interface DevelopmentSecurityOptions {
  readonly mode: 'development';
}

/** The `security` option of `createSubgraph`. */
export type SubgraphSecurityOptions = VerifySecurityOptions | DevelopmentSecurityOptions;

/** A validated, frozen {@link SubgraphSecurityOptions} with `issuer` and `clockToleranceSeconds` defaulted. */
export type SubgraphSecurity =
  | (ContextKeySource & { readonly mode: 'verify'; readonly issuer: string; readonly audience?: string; readonly clockToleranceSeconds: number })
  | DevelopmentSecurityOptions;

type Problem = { path: (string | number)[]; message: string; input?: unknown };

const KEY_SOURCES = ['publicKeyJwk', 'jwks', 'jwksUrl'] as const;
const VERIFY_OPTIONS = new Set(['mode', ...KEY_SOURCES, 'issuer', 'audience', 'clockToleranceSeconds']);
const MODES_TEXT = `{ mode: 'verify', publicKeyJwk | jwks | jwksUrl } or { mode: 'development' }`;

/**
 * The zod schema of {@link SubgraphSecurityOptions}: validates (every problem
 * at once, with its path) and outputs a frozen {@link SubgraphSecurity}.
 * Embed it in a subgraph's config schema.
 */
export const subgraphSecuritySchema: z.ZodType<SubgraphSecurity, unknown> = z.unknown().transform((input, ctx) => {
  const problems = findSecurityProblems(input);
  for (const problem of problems) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path, input: problem.input });
  }
  return problems.length > 0 ? z.NEVER : normalise(input as Record<string, unknown>);
});

/**
 * Validates `input` as the `security` option and returns it frozen with defaults.
 * @throws ConfigError (`SDK_CONFIG_INVALID`) listing every problem, naming the option and the value given
 */
export function parseSubgraphSecurity(input: unknown): SubgraphSecurity {
  const problems = findSecurityProblems(input);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${['security', ...problem.path].join('.')}: ${problem.message}`);
    throw new ConfigError(`Invalid subgraph security options (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n  - ${lines.join('\n  - ')}`, {
      details: { problems: lines },
    });
  }
  return normalise(input as Record<string, unknown>);
}

function normalise(input: Record<string, unknown>): SubgraphSecurity {
  if (input['mode'] === 'development') return Object.freeze({ mode: 'development' });
  const key =
    input['publicKeyJwk'] !== undefined
      ? { publicKeyJwk: Object.freeze({ ...(input['publicKeyJwk'] as JsonWebKey) }) }
      : input['jwks'] !== undefined
        ? { jwks: Object.freeze({ keys: Object.freeze((input['jwks'] as { keys: JsonWebKey[] }).keys.map((k) => Object.freeze({ ...k }))) }) }
        : { jwksUrl: input['jwksUrl'] as string };
  return Object.freeze({
    mode: 'verify' as const,
    ...key,
    issuer: (input['issuer'] as string | undefined) ?? DEFAULT_CONTEXT_TOKEN_ISSUER,
    ...(input['audience'] !== undefined ? { audience: input['audience'] as string } : {}),
    clockToleranceSeconds: (input['clockToleranceSeconds'] as number | undefined) ?? 5,
  }) as SubgraphSecurity;
}

function findSecurityProblems(input: unknown): Problem[] {
  if (input === undefined) return [{ path: [], message: `is required: say how this subgraph trusts callers, ${MODES_TEXT}` }];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ path: [], message: `must be ${MODES_TEXT}`, input }];
  const options = input as Record<string, unknown>;
  const mode = options['mode'];
  if (mode === 'development') {
    return Object.keys(options)
      .filter((key) => key !== 'mode')
      .map((key) => ({ path: [key], message: `is not an option of development mode (only verify mode takes keys and claims)` }));
  }
  if (mode !== 'verify') return [{ path: ['mode'], message: `must be 'verify' or 'development'`, input: mode }];
  const problems: Problem[] = Object.keys(options)
    .filter((key) => !VERIFY_OPTIONS.has(key))
    .map((key) => ({ path: [key], message: 'is not an option (typo?)' }));
  const given = KEY_SOURCES.filter((key) => options[key] !== undefined);
  if (given.length !== 1) {
    problems.push({
      path: [],
      message: given.length === 0 ? 'verify mode needs the gateway public key: one of publicKeyJwk, jwks, jwksUrl' : `give one of publicKeyJwk, jwks, jwksUrl, not ${given.join(' and ')}`,
    });
  }
  if (options['publicKeyJwk'] !== undefined) problems.push(...jwkProblems(options['publicKeyJwk'], ['publicKeyJwk']));
  if (options['jwks'] !== undefined) {
    const jwks = options['jwks'] as { keys?: unknown } | null;
    if (typeof jwks !== 'object' || jwks === null || !Array.isArray(jwks.keys) || jwks.keys.length === 0) {
      problems.push({ path: ['jwks'], message: 'must be a JWKS: { keys: [<Ed25519 public JWK>, …] } with at least one key', input: jwks });
    } else {
      jwks.keys.forEach((key, index) => problems.push(...jwkProblems(key, ['jwks', 'keys', index])));
    }
  }
  if (options['jwksUrl'] !== undefined && !isHttpUrl(options['jwksUrl'])) {
    problems.push({ path: ['jwksUrl'], message: 'must be an absolute http(s) URL without credentials', input: options['jwksUrl'] });
  }
  for (const option of ['issuer', 'audience'] as const) {
    const value = options[option];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) problems.push({ path: [option], message: 'must be a non-empty string', input: value });
  }
  const tolerance = options['clockToleranceSeconds'];
  if (tolerance !== undefined && (typeof tolerance !== 'number' || !Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300)) {
    problems.push({ path: ['clockToleranceSeconds'], message: 'must be an integer from 0 to 300', input: tolerance });
  }
  return problems;
}

/** An Ed25519 public JWK; a private key (`d`) is refused, so a secret never sits in a subgraph's config. */
function jwkProblems(value: unknown, path: (string | number)[]): Problem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path, message: 'must be a JWK object (JSON)', input: value }];
  const jwk = value as Record<string, unknown>;
  const problems: Problem[] = [];
  if (jwk['kty'] !== 'OKP' || jwk['crv'] !== 'Ed25519' || typeof jwk['x'] !== 'string' || jwk['x'] === '') {
    problems.push({ path, message: `must be an Ed25519 public key: { "kty": "OKP", "crv": "Ed25519", "x": "…" } (got kty ${JSON.stringify(jwk['kty'])}, crv ${JSON.stringify(jwk['crv'])})` });
  }
  if (jwk['d'] !== undefined) problems.push({ path: [...path, 'd'], message: 'is a private key: give the subgraph the public key only (drop "d")' });
  if (jwk['alg'] !== undefined && jwk['alg'] !== 'EdDSA') problems.push({ path: [...path, 'alg'], message: `must be "EdDSA" when given`, input: jwk['alg'] });
  return problems;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
