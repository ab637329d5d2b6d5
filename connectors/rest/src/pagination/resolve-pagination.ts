/**
 * Checks paging options once, before the first call, and fills in the
 * defaults. Options come from department code, not from clients, so a bad one
 * is a programming mistake: a plain `Error`, masked as `INTERNAL_SERVER_ERROR`.
 */
import type { PaginationOptions } from './pagination-options';

/** @internal Paging options with defaults applied, in one shape for all styles. */
export interface ResolvedPagination {
  readonly style: PaginationOptions['style'];
  /** The parameter that moves through the list: page number, offset or cursor. */
  readonly positionParam: string;
  /** The parameter that carries the size. */
  readonly sizeParam: string;
  readonly size: number;
  /** First page number (page style) or 0. */
  readonly first: number;
  readonly itemsPath: string;
  readonly totalPath: string | undefined;
  readonly nextCursorPath: string | undefined;
  readonly maxPages: number;
  readonly stopOnShortPage: boolean;
}

/** @internal Validates `options`; throws a plain `Error` naming each bad option. */
export function resolvePagination(source: string, options: PaginationOptions): ResolvedPagination {
  const problems: string[] = [];
  const integer = (name: string, value: number | undefined, min: number): void => {
    if (value !== undefined && (!Number.isInteger(value) || value < min)) problems.push(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  };
  const resolved = ((): ResolvedPagination | undefined => {
    const common = {
      itemsPath: options.itemsPath,
      maxPages: options.maxPages ?? 1000,
      stopOnShortPage: options.stopOnShortPage ?? false,
    };
    switch (options.style) {
      case 'page':
        integer('pageSize', options.pageSize, 1);
        integer('firstPage', options.firstPage, 0);
        return { ...common, style: 'page', positionParam: options.pageParam ?? 'page', sizeParam: options.sizeParam ?? 'pageSize', size: options.pageSize, first: options.firstPage ?? 1, totalPath: options.totalPath, nextCursorPath: undefined };
      case 'offset':
        integer('limit', options.limit, 1);
        return { ...common, style: 'offset', positionParam: options.offsetParam ?? 'offset', sizeParam: options.limitParam ?? 'limit', size: options.limit, first: 0, totalPath: options.totalPath, nextCursorPath: undefined };
      case 'cursor':
        integer('pageSize', options.pageSize, 1);
        if (typeof options.nextCursorPath !== 'string' || options.nextCursorPath === '') problems.push('nextCursorPath must be a non-empty dot path');
        return { ...common, style: 'cursor', positionParam: options.cursorParam ?? 'cursor', sizeParam: options.sizeParam ?? 'pageSize', size: options.pageSize, first: 0, totalPath: undefined, nextCursorPath: options.nextCursorPath };
      default:
        problems.push(`style must be 'page', 'offset' or 'cursor', got ${JSON.stringify((options as { style?: unknown }).style)}`);
        return undefined;
    }
  })();
  integer('maxPages', options.maxPages, 1);
  if (typeof options.itemsPath !== 'string') problems.push("itemsPath must be a dot path ('' for the answer itself)");
  if (resolved && resolved.positionParam === resolved.sizeParam) problems.push(`the position and size parameters are both "${resolved.sizeParam}"`);
  if (!resolved || problems.length > 0) throw new Error(`rest source "${source}": invalid pagination options: ${problems.join('; ')}`);
  return resolved;
}
