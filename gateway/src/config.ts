/**
 * The gateway's configuration: one zod schema, one parser. Defaults live in
 * the schema and are echoed in the JSDoc `@default`s. Parsing reports every
 * problem at once, naming the option and the bad value, and returns a frozen
 * object (fastify `initial-config-validation.js`). Only `main.ts` turns the
 * environment into the input of {@link parseGatewayConfig}.
 */
import { z } from 'zod';
import { GW_ERRORS, type GatewayError } from './errors';

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: 'must be an absolute http:// or https:// URL' },
);

const subgraphEntry = z.strictObject(
  {
    name: z.string().regex(NAME_PATTERN, { error: 'must start with a letter and hold only letters, digits, _ and -' }),
    url: httpUrl,
  },
  { error: 'must be an object { name, url }' },
);

const supergraphSource = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('subgraphs'),
      subgraphs: z
        .array(subgraphEntry)
        .min(1, { error: 'must list at least one subgraph' })
        .superRefine((entries, ctx) => {
          const seen = new Set<string>();
          entries.forEach((entry, index) => {
            if (seen.has(entry.name)) {
              ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate subgraph name "${entry.name}"` });
            }
            seen.add(entry.name);
          });
        }),
    }),
    z.strictObject({ kind: z.literal('file'), path: z.string().min(1, { error: 'must be a file path' }) }),
    z.strictObject({ kind: z.literal('url'), url: httpUrl }),
  ],
  { error: 'must be { kind: "subgraphs", subgraphs } | { kind: "file", path } | { kind: "url", url }' },
);

const positiveInt = z.number().int().positive();

const gatewayConfigSchema = z.strictObject({
  supergraph: supergraphSource,
  port: z.number().int().min(0).max(65535).default(4000),
  host: z.string().min(1).default('127.0.0.1'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  requestTimeoutMs: positiveInt.default(10_000),
  graphiql: z.boolean().default(true),
  engine: z.enum(['apollo', 'planner'], { error: 'must be "apollo" or "planner"' }).default('planner'),
  dedupe: z
    .strictObject({
      enabled: z.boolean().optional(),
      acrossIdentities: z
        .array(z.string().regex(NAME_PATTERN, { error: 'must be a subgraph name' }))
        .optional(),
    })
    .optional(),
  limits: z
    .strictObject({
      maxDocumentBytes: positiveInt.default(32_768),
      maxRequestBytes: positiveInt.default(1_048_576),
    })
    .prefault({}),
  readiness: z
    .strictObject({
      probeCacheMs: z.number().int().min(0).default(5_000),
      probeTimeoutMs: positiveInt.default(2_000),
    })
    .prefault({}),
});

/** Where the supergraph comes from: composed at start from running subgraphs. */
export interface SubgraphsSupergraphSource {
  readonly kind: 'subgraphs';
  /** Each subgraph's name (as it appears in errors and logs) and GraphQL endpoint. */
  readonly subgraphs: readonly { readonly name: string; readonly url: string }[];
}
/** Where the supergraph comes from: a supergraph SDL file (e.g. from `rover supergraph compose`). */
export interface FileSupergraphSource {
  readonly kind: 'file';
  readonly path: string;
}
/** Where the supergraph comes from: a supergraph SDL served over HTTP (e.g. a schema registry). */
export interface UrlSupergraphSource {
  readonly kind: 'url';
  readonly url: string;
}
/** The three supergraph sources, discriminated by `kind`. */
export type SupergraphSource = SubgraphsSupergraphSource | FileSupergraphSource | UrlSupergraphSource;

/** The parsed, frozen gateway configuration. */
export interface GatewayConfig {
  /** Where the supergraph comes from. */
  readonly supergraph: SupergraphSource;
  /** Port of {@link Gateway.listen}; 0 picks a free one. @default 4000 */
  readonly port: number;
  /** Interface of {@link Gateway.listen}. @default '127.0.0.1' */
  readonly host: string;
  /** @default 'info' */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Deadline of one call to a subgraph (also of fetching SDLs and the supergraph at start). @default 10000 */
  readonly requestTimeoutMs: number;
  /** Serve GraphiQL (every asset from the gateway itself, no CDN) on GET /graphql. @default true */
  readonly graphiql: boolean;
  /**
   * The execution engine behind `src/engine/`: `planner` is govgraph's own
   * executor over plans from `@apollo/query-planner`; `apollo` is
   * `@apollo/gateway`'s executor, kept as the reference engine. Both pass the
   * federation suite (`src/engine/__tests__/federation-suite/`). @default 'planner'
   */
  readonly engine: GatewayEngineName;
  /**
   * In-flight merging of identical subgraph calls (planner engine): while a
   * call is in flight, the same call (subgraph, body) for the same identity
   * (application, end user, purpose) waits for it instead of being sent again.
   * Never across identities, except to subgraphs listed in `acrossIdentities`
   * (their answers must not depend on the caller). `enabled` defaults to on,
   * and to off when `createGateway` is given a `willSendRequest` hook (it may
   * add per-request headers a merged call would not carry); set it to `true`
   * when the hook's headers depend only on the identity.
   * @default { enabled: true (false with a willSendRequest hook), acrossIdentities: [] }
   */
  readonly dedupe?: { readonly enabled?: boolean | undefined; readonly acrossIdentities?: readonly string[] | undefined } | undefined;
  readonly limits: {
    /** Largest GraphQL document accepted, in UTF-8 bytes. @default 32768 */
    readonly maxDocumentBytes: number;
    /** Largest HTTP request body accepted, in bytes. @default 1048576 */
    readonly maxRequestBytes: number;
  };
  readonly readiness: {
    /** How long a subgraph probe result of /readyz is reused. @default 5000 */
    readonly probeCacheMs: number;
    /** Deadline of one subgraph probe. @default 2000 */
    readonly probeTimeoutMs: number;
  };
}

/** The execution engines the gateway can run (see {@link GatewayConfig.engine}). */
export type GatewayEngineName = 'apollo' | 'planner';

/** What {@link parseGatewayConfig} accepts: the config with every defaulted option optional. */
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;

/**
 * Validates `input` and returns the frozen config with defaults applied.
 * @throws GatewayError `GW_CONFIG_INVALID` listing every problem, one per line,
 *   each naming the option and the value it had; `details.issues` holds them as data.
 */
export function parseGatewayConfig(input: unknown): GatewayConfig {
  const result = gatewayConfigSchema.safeParse(input);
  if (!result.success) throw configError(input, result.error.issues);
  return deepFreeze(result.data);
}

/** Type guard: the supergraph is composed from running subgraphs. */
export function isSubgraphsSupergraphSource(source: SupergraphSource): source is SubgraphsSupergraphSource {
  return source.kind === 'subgraphs';
}

function configError(input: unknown, issues: readonly z.core.$ZodIssue[]): GatewayError {
  const problems = issues.map((issue) => {
    const path = formatPath(issue.path);
    const value = valueAt(input, issue.path);
    const got = issue.code === 'unrecognized_keys' ? '' : ` (got ${describe(value)})`;
    return { path, message: issue.message, line: `- ${path || '(config)'}: ${issue.message}${got}` };
  });
  return GW_ERRORS.GW_CONFIG_INVALID.err(
    `Invalid gateway configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => p.line).join('\n')}`,
    { details: { issues: problems.map(({ path, message }) => ({ path, message })) } },
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
