/**
 * Walks a paged legacy list one page at a time, as an async iterator: the
 * next page is requested only when the consumer asks for it, and a consumer
 * that stops (`break`) stops the calls. Each page is one ordinary call of the
 * source (deadline, concurrency cap, error mapping, one log line).
 *
 * It stops at an empty page, once `total` items came, at a missing next
 * cursor, or (opt-in) at a short page; it fails with `UpstreamDataError` when
 * the list runs past `maxPages` or a cursor repeats, so a legacy API that
 * never ends cannot hang a subgraph.
 */
import { createUpstreamDataError } from '@govgraph/sdk';
import type { RestRequest } from '../rest-source';
import type { PaginatedRequest, PaginationOptions } from './pagination-options';
import { readPath } from './read-path';
import { resolvePagination } from './resolve-pagination';

/** @internal Sends one page's call (the source's `request`). */
export type SendPage = (request: RestRequest) => Promise<unknown>;

/** @internal Yields the items of each page, in order. */
export async function* paginate<T>(send: SendPage, source: string, request: PaginatedRequest<T>, options: PaginationOptions): AsyncGenerator<T[], void, undefined> {
  const paging = resolvePagination(source, options);
  for (const name of [paging.positionParam, paging.sizeParam]) {
    if (request.query && Object.hasOwn(request.query, name)) {
      throw new Error(`rest source "${source}": query parameter "${name}" is set by pagination; do not pass it in query`);
    }
  }
  const malformed = (what: string, reason: string, cause?: unknown): Error =>
    createUpstreamDataError(source, what, undefined, new Error(`${request.operation ?? 'paginate'}: ${reason}`, cause === undefined ? undefined : { cause }));

  let position: number | string | undefined = paging.style === 'cursor' ? undefined : paging.first;
  let pages = 0;
  let received = 0;
  let total: number | undefined;
  const seenCursors = new Set<string>();

  for (;;) {
    if (pages >= paging.maxPages) throw malformed(`more than ${paging.maxPages} pages`, `list did not end within maxPages (${paging.maxPages})`);
    const answer = await send({
      method: request.method ?? 'GET',
      path: request.path,
      query: { ...request.query, ...(position === undefined ? {} : { [paging.positionParam]: position }), [paging.sizeParam]: paging.size },
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.headers === undefined ? {} : { headers: request.headers }),
      ...(request.operation === undefined ? {} : { operation: request.operation }),
    });
    pages += 1;

    const rawItems = readPath(answer, paging.itemsPath);
    if (rawItems !== null && !Array.isArray(rawItems)) {
      throw malformed('a page without an item list', `page ${pages}: no array at itemsPath "${paging.itemsPath}"`);
    }
    const items = (rawItems ?? []).map((item, index) => parseItem(request, item, (error) => malformed('an item of an unexpected shape', `page ${pages}, item ${index}: ${describe(error)}`, error)));
    if (items.length === 0) return;
    received += items.length;
    yield items;

    if (paging.style === 'cursor') {
      const next = readPath(answer, paging.nextCursorPath ?? '');
      if (next === undefined || next === null || next === '') return;
      if (typeof next !== 'string' && typeof next !== 'number') throw malformed('an invalid next cursor', `page ${pages}: next cursor is not a string or number`);
      const cursor = String(next);
      if (seenCursors.has(cursor)) throw malformed('the same page cursor twice', `page ${pages}: cursor repeats, the list would never end`);
      seenCursors.add(cursor);
      position = cursor;
    } else {
      total = readTotal(answer, paging.totalPath, total, () => malformed('an invalid total', `page ${pages}: total at "${paging.totalPath}" is not a non-negative integer`));
      if (total !== undefined && received >= total) return;
      position = paging.style === 'page' ? (position as number) + 1 : (position as number) + items.length;
    }
    if (paging.stopOnShortPage && items.length < paging.size) return;
  }
}

function parseItem<T>(request: PaginatedRequest<T>, item: unknown, fail: (error: unknown) => Error): T {
  if (!request.itemSchema) return item as T;
  try {
    return request.itemSchema.parse(item);
  } catch (error) {
    throw fail(error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The total of this page; a page without one keeps the last seen (some systems send it on the first page only). */
function readTotal(answer: unknown, path: string | undefined, previous: number | undefined, fail: () => Error): number | undefined {
  if (path === undefined) return undefined;
  const raw = readPath(answer, path);
  if (raw === undefined || raw === null) return previous;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw fail();
  return value;
}
