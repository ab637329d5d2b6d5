/**
 * The shape of a REST source: the SDK's `Source` lifecycle plus JSON calls.
 * Department resolvers call these; they never see undici, URLs of the legacy
 * system or its raw error bodies.
 */
import type { CapabilityManifest, Source } from '@govgraph/sdk';
import type { CollectOptions, PaginatedRequest, PaginationOptions } from './pagination/pagination-options';
import type { RestQuery } from './query-string';

/** HTTP methods a REST source sends. */
export type RestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Anything with a zod-style `parse`: checks that the legacy system's answer
 * has the shape the resolver relies on. A throw becomes `UpstreamDataError`.
 */
export interface ResponseSchema<T> {
  parse(value: unknown): T;
}

/** Options of one call, shared by `request`, `get` and `post`. */
export interface RestCallOptions<T = unknown> {
  /** Extra headers of this call (override the source's static headers). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * A stable name for logs (`'getCase'`). Paths carry identifiers, which are personal data, so they are never logged.
   * @default the HTTP method
   */
  readonly operation?: string;
  /** Validates the parsed body; see {@link ResponseSchema}. */
  readonly schema?: ResponseSchema<T>;
}

/** One JSON call to the legacy system. */
export interface RestRequest<T = unknown> extends RestCallOptions<T> {
  readonly method: RestMethod;
  /**
   * Path under `baseUrl`, starting with `/`, already percent-encoded: build it with `pathSegment()`
   * for every value, e.g. `` `/cases/${pathSegment(caseNo)}` ``. No query or fragment here.
   */
  readonly path: string;
  /** Query parameters, encoded by the source. */
  readonly query?: RestQuery;
  /** Sent as JSON when defined. */
  readonly body?: unknown;
}

/** Counters of a source's calls since it was created (health probes excluded). */
export interface SourceStats {
  /** Calls attempted after `start()`. */
  readonly calls: number;
  /** Calls that failed, for any reason (timeouts included). */
  readonly failures: number;
  /** Calls that failed with `UpstreamTimeoutError`. */
  readonly timeouts: number;
}

/** A REST/JSON legacy system. Create with `restSource(parseRestSourceConfig(input))`. */
export interface RestSource extends Source {
  readonly kind: 'rest';
  /** The legacy system's capability manifest, defaults applied (`config.capabilities`, or the defaults and shortcut options). */
  readonly capabilities: CapabilityManifest;
  /**
   * Sends one call and resolves with the parsed JSON body (`undefined` for 204 or an empty body).
   * @throws the SDK's taxonomy errors (see README "Error codes"); a plain `Error` for programming mistakes.
   */
  request<T = unknown>(request: RestRequest<T>): Promise<T>;
  /** `request({ method: 'GET', path, query, ...options })`. */
  get<T = unknown>(path: string, query?: RestQuery, options?: RestCallOptions<T>): Promise<T>;
  /** `request({ method: 'POST', path, body, ...options })`. */
  post<T = unknown>(path: string, body: unknown, options?: RestCallOptions<T>): Promise<T>;
  /**
   * Walks a paged list one page at a time (`for await (const page of source.paginate(…))`); each page is one call.
   * Stops at an empty page, at `total`, or at a missing next cursor.
   * @throws UpstreamDataError past `maxPages`, on a repeated cursor or a page without an item array; plain `Error`
   *   for invalid options. Taxonomy errors of the calls as for `request`.
   */
  paginate<T = unknown>(request: PaginatedRequest<T>, options: PaginationOptions): AsyncIterable<T[]>;
  /** All items of a paged list, at most `options.maxItems` (no page is fetched once that many came). See `paginate`. */
  collect<T = unknown>(request: PaginatedRequest<T>, options: CollectOptions): Promise<T[]>;
  /** A snapshot of the call counters. */
  stats(): SourceStats;
}
