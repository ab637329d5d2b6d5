/**
 * The access-control choice of `createGateway(config, { accessControl })`:
 * `enforce` (the policy chain of ARCHITECTURE.md steps 1–8 against the
 * registry) or `open` (no checks at all: local development only, logged
 * loudly at start). Validated once, every problem reported together as
 * `GW_CONFIG_INVALID` (STYLE.md §6).
 */
import { z } from 'zod';
import { GW_ERRORS } from '../errors';
import type { ClientCredentialsOptions } from '../plugins/use-application-auth';
import type { EndUserOptions } from '../plugins/use-end-user';
import type { AuditSink } from '../stores/audit-sink';
import type { UsageCounterStore } from '../stores/usage-counter-store';
import type { RateLimitStore } from '../stores/rate-limit-store';
import type { RegistryReader } from '../stores/registry-snapshot';
import type { ContextTokenKeys } from './context-token-signer';

/** The policy chain is on. */
export interface EnforceAccessControlOptions {
  readonly mode: 'enforce';
  /** Where applications, keys and grants come from (Prisma registry, or memory in tests). */
  readonly registry: RegistryReader;
  /** Where audit records go (through the buffer). */
  readonly auditSink: AuditSink;
  /** Requests per application and day, counted from the audited operations in the audit batches. @default not counted */
  readonly usage?: UsageCounterStore;
  /** Server pepper of API-key hashes (at least 16 characters; never stored in the registry). */
  readonly pepper: string;
  /** Shared counters; pass a Redis store when several replicas run. @default in-memory store */
  readonly rateLimitStore?: RateLimitStore;
  /** Accept OAuth2 client-credentials access tokens. @default API keys only */
  readonly clientCredentials?: ClientCredentialsOptions;
  /** Verify end-user tokens (`x-end-user-token`). @default none: grants requiring an end user cannot be used */
  readonly endUsers?: Omit<EndUserOptions, 'realm' | 'now'>;
  /** Ed25519 key pair of the context token. @default generated at start */
  readonly contextToken?: ContextTokenKeys;
  /** How often the registry version is polled. @default 2000 */
  readonly registryPollMs?: number;
  /** The audit buffer. @default { maxBuffer: 10000, flushIntervalMs: 1000, maxBatch: 500 } */
  readonly audit?: { readonly maxBuffer?: number; readonly flushIntervalMs?: number; readonly maxBatch?: number };
  /** Limits of an application without any grant. @default { requestsPerSecond: 1, dailyQuota: 1000 } */
  readonly rateLimitFallback?: { readonly requestsPerSecond: number; readonly dailyQuota: number };
  /** (document, operation) pairs whose coordinates are cached. @default 1000 */
  readonly coordinateCacheSize?: number;
  /** Realm of `WWW-Authenticate` challenges. @default 'govgraph' */
  readonly realm?: string;
  /** Clock (ms since the epoch), for tests. @default Date.now */
  readonly now?: () => number;
}

/** No access control (local development). Subgraph calls still carry a context token, with `sub: 'anonymous'`. */
export interface OpenAccessControlOptions {
  readonly mode: 'open';
  /** @default generated at start */
  readonly contextToken?: ContextTokenKeys;
}

/** `enforce` or `open`; see {@link isEnforceAccessControl}. */
export type AccessControlOptions = EnforceAccessControlOptions | OpenAccessControlOptions;

/** Type guard for the enforcing variant. */
export function isEnforceAccessControl(options: AccessControlOptions): options is EnforceAccessControlOptions {
  return options.mode === 'enforce';
}

const withMethods = (name: string, methods: readonly string[]) =>
  z.custom<unknown>(
    (value) => value !== null && typeof value === 'object' && methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function'),
    { error: `must be a ${name} { ${methods.map((m) => `${m}()`).join(', ')} }` },
  );
const positiveInt = z.number().int().positive();
const ed25519Jwk = z.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(1) });
const contextToken = z.strictObject({ privateKeyJwk: ed25519Jwk.extend({ d: z.string().min(1) }), publicKeyJwk: ed25519Jwk }).optional();
const httpUrl = z.string().refine((value) => /^https?:\/\/[^/]+/.test(value), { error: 'must be an http(s) URL' });
const jwksSource = {
  jwksUrl: httpUrl.optional(),
  jwks: z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })) }).optional(),
  issuer: z.string().min(1),
  audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  algorithms: z.array(z.string().regex(/^(RS|PS|ES)(256|384|512)$|^EdDSA$/, { error: 'must be an asymmetric JWS algorithm' })).min(1).optional(),
};
const oneJwksSource = (value: { jwksUrl?: unknown; jwks?: unknown }, ctx: z.core.$RefinementCtx) => {
  if ((value.jwksUrl === undefined) === (value.jwks === undefined)) ctx.addIssue({ code: 'custom', message: 'give exactly one of jwksUrl and jwks' });
};

const schema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('enforce'),
      registry: withMethods('RegistryReader', ['load', 'version']),
      auditSink: withMethods('AuditSink', ['write']),
      usage: withMethods('UsageCounterStore', ['add', 'list']).optional(),
      pepper: z.string().min(16, { error: 'must be at least 16 characters' }),
      rateLimitStore: withMethods('RateLimitStore', ['consume']).optional(),
      clientCredentials: z.strictObject({ ...jwksSource, applicationClaim: z.string().min(1).optional() }).superRefine(oneJwksSource).optional(),
      endUsers: z.strictObject(jwksSource).superRefine(oneJwksSource).optional(),
      contextToken,
      registryPollMs: positiveInt.optional(),
      audit: z.strictObject({ maxBuffer: positiveInt.optional(), flushIntervalMs: positiveInt.optional(), maxBatch: positiveInt.optional() }).optional(),
      rateLimitFallback: z.strictObject({ requestsPerSecond: positiveInt, dailyQuota: positiveInt }).optional(),
      coordinateCacheSize: positiveInt.optional(),
      realm: z.string().regex(/^[\w.-]+$/, { error: 'must be letters, digits, _, . or -' }).optional(),
      now: z.custom<() => number>((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
    }),
    z.strictObject({ mode: z.literal('open'), contextToken }),
  ],
  { error: 'must be { mode: "enforce", registry, auditSink, pepper, … } or { mode: "open" }' },
);

/**
 * Validates `input` (objects such as the registry are checked for their
 * methods and passed through as they are).
 * @throws GatewayError `GW_CONFIG_INVALID` listing every problem as `accessControl.<path>: <message>`
 */
export function parseAccessControlOptions(input: unknown): AccessControlOptions {
  const result = schema.safeParse(input);
  if (result.success) return input as AccessControlOptions;
  const lines = result.error.issues.map((issue) => `- accessControl${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`);
  throw GW_ERRORS.GW_CONFIG_INVALID.err(`Invalid access control options (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, {
    details: { issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) },
  });
}
