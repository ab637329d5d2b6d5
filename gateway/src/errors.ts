/**
 * The gateway's error registry. Every code a client (or an operator reading a
 * start-up failure) can see is listed here once, with the HTTP status it maps
 * to and the version that introduced it. Codes are stable once added: clients
 * and dashboards key on them. Every code must appear in `gateway/README.md`
 * ("Error codes"); a test checks it (fastify `test/internals/errors.test.js`).
 *
 * The shape follows federation's `internals-js/src/error.ts`: each entry has an
 * `err()` factory that sets `extensions.code` and, as graphql-yoga reads it,
 * `extensions.http.status`.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** One entry of {@link GW_ERRORS}. */
export interface GatewayErrorDefinition<Code extends string = string> {
  /** The stable `extensions.code`. */
  readonly code: Code;
  /** What the code means, for the README and for operators. */
  readonly description: string;
  /** The HTTP status of a response whose only errors carry this code. */
  readonly status: number;
  /** The gateway version that introduced the code. */
  readonly addedIn: string;
  /** Creates the error. `message` must be safe to show a client. */
  err(message: string, options?: GatewayErrorOptions): GatewayError;
}

/** Options of {@link GatewayErrorDefinition.err}. */
export interface GatewayErrorOptions {
  /** The underlying error: logged, never sent to a client. */
  cause?: unknown;
  /** Structured details for programs (e.g. the list of config problems); not serialised to clients. */
  details?: Readonly<Record<string, unknown>>;
  /** Extra, client-safe `extensions` (e.g. `serviceName`). */
  extensions?: Readonly<Record<string, unknown>>;
  /** HTTP response headers yoga sets when the error decides the status (`WWW-Authenticate`, `Retry-After`). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * An error of the gateway's registry. It is a `GraphQLError` so yoga shows it
 * to the client as it is (it has no `originalError`, so it is never masked),
 * and it carries `code` and `status` for start-up code that is not GraphQL.
 */
export class GatewayError extends GraphQLError {
  /** The registry code, also in `extensions.code`. */
  readonly code: GatewayErrorCode;
  /** The HTTP status, also in `extensions.http.status`. */
  readonly status: number;
  /** Structured details for programs; not serialised to clients. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: GatewayErrorCode, message: string, options: GatewayErrorOptions = {}) {
    const { status } = GW_ERROR_TABLE[code];
    const http = options.headers ? { status, headers: { ...options.headers } } : { status };
    super(message, { extensions: { ...options.extensions, code, http } });
    this.name = 'GatewayError';
    this.code = code;
    this.status = status;
    this.details = options.details;
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: true, configurable: true });
    }
  }
}

const GW_ERROR_TABLE = {
  BAD_REQUEST: {
    status: 400,
    addedIn: '0.1.0',
    description: 'The HTTP request is not a valid GraphQL-over-HTTP request (no query, invalid JSON body, bad method, …).',
  },
  GRAPHQL_PARSE_FAILED: { status: 400, addedIn: '0.1.0', description: 'The GraphQL document has a syntax error.' },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    addedIn: '0.1.0',
    description: 'The GraphQL document is not valid against the supergraph (unknown field, wrong argument type, …).',
  },
  REQUEST_ENTITY_TOO_LARGE: {
    status: 413,
    addedIn: '0.1.0',
    description: 'The HTTP request body is larger than `limits.maxRequestBytes`.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    addedIn: '0.1.0',
    description: 'An unexpected error in the gateway; the details are in the gateway log under the request id.',
  },
  GW_DOCUMENT_TOO_LARGE: {
    status: 413,
    addedIn: '0.1.0',
    description: 'The GraphQL document is larger than `limits.maxDocumentBytes`.',
  },
  GW_SUBGRAPH_UNAVAILABLE: {
    status: 502,
    addedIn: '0.1.0',
    description:
      'A subgraph refused the connection, could not be reached or answered with a server error. The fields it serves are null; `extensions.serviceName` names it.',
  },
  GW_SUBGRAPH_TIMEOUT: {
    status: 504,
    addedIn: '0.1.0',
    description: 'A subgraph did not answer within `requestTimeoutMs`. The fields it serves are null.',
  },
  GW_SUBGRAPH_INVALID_RESPONSE: {
    status: 502,
    addedIn: '0.1.0',
    description: 'A subgraph answered with something that is not a GraphQL response. The fields it serves are null.',
  },
  GW_CONFIG_INVALID: {
    status: 500,
    addedIn: '0.1.0',
    description: 'The gateway was started with invalid configuration; the message lists every problem. Start-up only.',
  },
  GW_SUPERGRAPH_UNAVAILABLE: {
    status: 503,
    addedIn: '0.1.0',
    description:
      'The supergraph could not be obtained: the file cannot be read, the URL does not answer, or a subgraph does not answer `{ _service { sdl } }`. Start-up only.',
  },
  GW_SUPERGRAPH_COMPOSITION_FAILED: {
    status: 500,
    addedIn: '0.1.0',
    description:
      'The subgraphs do not compose into a supergraph; the message names the subgraph, type and field of each composition error. Start-up only.',
  },
  GW_SUPERGRAPH_INVALID: {
    status: 500,
    addedIn: '0.1.0',
    description: 'The supergraph SDL (from a file or URL) is not a valid Federation 2 supergraph. Start-up only.',
  },
  GW_REGISTRY_UNAVAILABLE: {
    status: 503,
    addedIn: '0.2.0',
    description:
      'The registry database (SQLite file or PostgreSQL) cannot be opened, reached or migrated; the message says why.',
  },
  GW_REGISTRY_NOT_FOUND: {
    status: 404,
    addedIn: '0.2.0',
    description: 'A registry operation names a department, application, credential, grant, subgraph or admin token that does not exist.',
  },
  GW_REGISTRY_CONFLICT: {
    status: 409,
    addedIn: '0.2.0',
    description:
      'A registry operation conflicts with the stored state: a duplicate department code or subgraph name, or a change to a revoked credential or grant.',
  },
  GW_REGISTRY_INVALID_INPUT: {
    status: 400,
    addedIn: '0.2.0',
    description: 'A registry operation got invalid input (bad grant target, data grade, mask rule, rate, …); the message lists every problem.',
  },
  UNAUTHENTICATED: {
    status: 401,
    addedIn: '0.2.0',
    description:
      'No application could be identified: the API key or client-credentials token is missing, unknown, revoked or expired, the application is suspended, or an end-user token is missing or invalid where a grant requires one. `WWW-Authenticate` says which.',
  },
  FORBIDDEN: {
    status: 403,
    addedIn: '0.2.0',
    description:
      'The operation touches field coordinates the application has no live grant for, above the grant\'s data grade, or for another purpose; `extensions.denied` lists them. No subgraph was called.',
  },
  GW_DOCUMENT_TOO_DEEP: { status: 400, addedIn: '0.2.0', description: 'The operation nests fields deeper than `documentLimits.maxDepth`.' },
  GW_TOO_MANY_ALIASES: { status: 400, addedIn: '0.2.0', description: 'The operation uses more aliases than `documentLimits.maxAliases` (fragments counted where spread).' },
  GW_TOO_MANY_ROOT_FIELDS: { status: 400, addedIn: '0.2.0', description: 'The operation selects more root fields than `documentLimits.maxRootFields`.' },
  GW_BATCHING_DISABLED: { status: 400, addedIn: '0.2.0', description: 'The request body is an array of operations; the gateway takes one operation per request.' },
  GW_PERSISTED_ONLY: {
    status: 400,
    addedIn: '0.2.0',
    description: 'The gateway accepts persisted operations only (`persistedOperations.mode: require`) and the request sent a document that is not in the safelist.',
  },
  GW_PERSISTED_QUERY_NOT_FOUND: {
    status: 400,
    addedIn: '0.2.0',
    description: 'The request names a persisted operation (`extensions.persistedQuery.sha256Hash`) that is not in the safelist.',
  },
  GW_PERSISTED_QUERY_HASH_MISMATCH: {
    status: 400,
    addedIn: '0.2.0',
    description: 'The request sent both a document and `extensions.persistedQuery.sha256Hash`, and the document does not hash to it.',
  },
  GW_RATE_LIMITED: {
    status: 429,
    addedIn: '0.2.0',
    description: 'The application sent more requests per second than its grants allow; `Retry-After` says when to try again.',
  },
  GW_QUOTA_EXCEEDED: {
    status: 429,
    addedIn: '0.2.0',
    description: 'The application used its daily quota (UTC day); `Retry-After` gives the seconds until the next day starts.',
  },
  GW_RATE_LIMIT_UNAVAILABLE: {
    status: 503,
    addedIn: '0.2.0',
    description: 'The rate-limit store (Redis) cannot be reached, so rates and quotas cannot be checked; the operation is refused (fail closed).',
  },
  GW_AUDIT_UNAVAILABLE: {
    status: 503,
    addedIn: '0.2.0',
    description:
      'The audit store is failing and the audit buffer is full, so an operation touching L3 or L4 data is refused before execution (fail closed); L1–L2 operations continue.',
  },
} as const satisfies Record<string, { status: number; addedIn: string; description: string }>;

/** A code of the gateway's error registry. */
export type GatewayErrorCode = keyof typeof GW_ERROR_TABLE;

function define<Code extends GatewayErrorCode>(code: Code): GatewayErrorDefinition<Code> {
  const { status, description, addedIn } = GW_ERROR_TABLE[code];
  return Object.freeze({
    code,
    status,
    description,
    addedIn,
    err: (message: string, options?: GatewayErrorOptions) => new GatewayError(code, message, options),
  });
}

/** The registry: `GW_ERRORS.GW_SUBGRAPH_UNAVAILABLE.err('…')`. */
export const GW_ERRORS: { readonly [Code in GatewayErrorCode]: GatewayErrorDefinition<Code> } = Object.freeze(
  Object.fromEntries(Object.keys(GW_ERROR_TABLE).map((code) => [code, define(code as GatewayErrorCode)])) as {
    [Code in GatewayErrorCode]: GatewayErrorDefinition<Code>;
  },
);

/** Type guard for errors of the registry. */
export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/**
 * The form of a gateway error inside a subgraph's partial result: only the
 * message and the code. The HTTP status is left out on purpose, because a
 * response that still carries data answers 2xx (GraphQL over HTTP) and one
 * failed subgraph must not turn the whole response into a 502.
 */
export function toSubgraphFailure(error: GatewayError): GraphQLFormattedError {
  return { message: error.message, extensions: { code: error.code } };
}
