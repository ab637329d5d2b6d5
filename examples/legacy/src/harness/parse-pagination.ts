/**
 * Page-based pagination as the legacy systems do it (`page` from 1,
 * `pageSize` capped at 100), validated the same way in every protocol so a
 * client sees one rule: a bad value is an argument error, never silently
 * clamped.
 */

/** Page limits. */
export const DEFAULT_PAGE_SIZE = 20;
/** Larger pages are refused: clients must page. */
export const MAX_PAGE_SIZE = 100;

/** A validated page request. */
export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

/** Either a page request or every problem found (as messages naming the parameter). */
export type PaginationResult = { readonly ok: true; readonly value: PageRequest } | { readonly ok: false; readonly problems: readonly { field: string; message: string }[] };

/**
 * Parses raw `page` / `pageSize` values (query-string or XML text; absent =
 * default). Both must be base-10 integers: `page ≥ 1`, `1 ≤ pageSize ≤ 100`.
 */
export function parsePagination(rawPage: string | undefined, rawPageSize: string | undefined): PaginationResult {
  const problems: { field: string; message: string }[] = [];
  const page = parsePositiveInteger(rawPage, 1);
  const pageSize = parsePositiveInteger(rawPageSize, DEFAULT_PAGE_SIZE);
  if (page === undefined) problems.push({ field: 'page', message: `page must be an integer ≥ 1, got ${JSON.stringify(rawPage)}` });
  if (pageSize === undefined || pageSize > MAX_PAGE_SIZE) {
    problems.push({ field: 'pageSize', message: `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${JSON.stringify(rawPageSize)}` });
  }
  if (page === undefined || pageSize === undefined || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { page, pageSize } };
}

/** The slice of `items` a page covers. */
export function slicePage<T>(items: readonly T[], { page, pageSize }: PageRequest): T[] {
  const start = (page - 1) * pageSize;
  return items.slice(start, start + pageSize);
}

function parsePositiveInteger(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  const text = raw.trim();
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}
