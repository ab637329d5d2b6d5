/**
 * Collects a paged list into one array, for resolvers that need it whole.
 * `maxItems` is required: it bounds memory and calls whatever the legacy
 * system holds; once reached, no further page is requested.
 */
import type { CollectOptions } from './pagination-options';

/** @internal At most `maxItems` items of `pages`, in order. */
export async function collect<T>(source: string, pages: AsyncIterable<T[]>, options: Pick<CollectOptions, 'maxItems'>): Promise<T[]> {
  const { maxItems } = options;
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new Error(`rest source "${source}": collect needs maxItems, an integer ≥ 1, got ${String(maxItems)}`);
  const items: T[] = [];
  for await (const page of pages) {
    for (const item of page) {
      items.push(item);
      if (items.length >= maxItems) return items;
    }
  }
  return items;
}
