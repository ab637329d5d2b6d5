/**
 * How a legacy REST API pages its lists, and how far the source follows it.
 * Three styles cover what provincial systems do: page numbers
 * (`?page=3&pageSize=10`), offsets (`?offset=20&limit=10`) and opaque cursors
 * (`?cursor=abc`, the next one in the answer). Paging parameters always go in
 * the query; the call's own query and body are sent unchanged on every page.
 */
import type { RestQuery } from '../query-string';

/** Options every style shares. */
interface CommonPaginationOptions {
  /**
   * Dot path of the page's item array in the answer, e.g. `'data.records'`; `''` when the answer is the array.
   * A `null` there is an empty page; anything else that is not an array is an `UpstreamDataError`.
   */
  readonly itemsPath: string;
  /**
   * More pages than this fail with `UpstreamDataError`: a legacy API that never ends must not hang the subgraph.
   * @default 1000
   */
  readonly maxPages?: number;
  /**
   * Stop at a page shorter than the requested size, saving the final empty-page call. Only for systems known to
   * honour the size: one that silently caps it (asked 100, sends 50) would be cut short.
   * @default false
   */
  readonly stopOnShortPage?: boolean;
}

/** Page numbers: `?page=1&pageSize=10`, `?page=2&pageSize=10`, … */
export interface PageStylePagination extends CommonPaginationOptions {
  readonly style: 'page';
  /** @default 'page' */
  readonly pageParam?: string;
  /** @default 'pageSize' */
  readonly sizeParam?: string;
  /** Items per page. */
  readonly pageSize: number;
  /** Number of the first page. @default 1 */
  readonly firstPage?: number;
  /** Dot path of the total item count in the answer; paging stops once that many items came. */
  readonly totalPath?: string;
}

/** Offsets: `?offset=0&limit=10`, `?offset=10&limit=10`, … (the next offset counts the items actually received). */
export interface OffsetStylePagination extends CommonPaginationOptions {
  readonly style: 'offset';
  /** @default 'offset' */
  readonly offsetParam?: string;
  /** @default 'limit' */
  readonly limitParam?: string;
  /** Items per call. */
  readonly limit: number;
  /** Dot path of the total item count in the answer; paging stops once that many items came. */
  readonly totalPath?: string;
}

/** Cursors: the first call without one, then `?cursor=<the answer's next cursor>` until there is none. */
export interface CursorStylePagination extends CommonPaginationOptions {
  readonly style: 'cursor';
  /** @default 'cursor' */
  readonly cursorParam?: string;
  /** @default 'pageSize' */
  readonly sizeParam?: string;
  /** Items per page. */
  readonly pageSize: number;
  /**
   * Dot path of the next cursor in the answer. Missing, `null` or `''` ends the list; the same cursor twice is an
   * endless loop and fails with `UpstreamDataError`.
   */
  readonly nextCursorPath: string;
}

/** How `paginate` and `collect` walk a list; see the three styles. */
export type PaginationOptions = PageStylePagination | OffsetStylePagination | CursorStylePagination;

/** `collect` options: a style plus a cap. */
export type CollectOptions = PaginationOptions & {
  /** Stop fetching once this many items came; the result holds at most this many (like GraphQL's `first`). */
  readonly maxItems: number;
};

/** The call `paginate` repeats, once per page. */
export interface PaginatedRequest<T = unknown> {
  /** @default 'GET' */
  readonly method?: 'GET' | 'POST';
  /** Path under `baseUrl`, percent-encoded (build it with `pathSegment()`). */
  readonly path: string;
  /** Query parameters of every page; must not contain the paging parameters. */
  readonly query?: RestQuery;
  /** Sent as JSON on every page when defined (POST searches). */
  readonly body?: unknown;
  /** Extra headers of every page. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A stable name for logs; one log line per page. @default the HTTP method */
  readonly operation?: string;
  /** Checks each item (zod-style `parse`); a throw becomes `UpstreamDataError`. */
  readonly itemSchema?: { parse(value: unknown): T };
}
