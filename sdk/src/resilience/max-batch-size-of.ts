import type { Source } from '../source';

/**
 * The most keys one batch call to `source` may carry: the `batch.maxSize` of
 * its capability manifest, or `fallback` when the manifest declares no batch
 * endpoint. Loaders and `entities` read it here, so a department changes a
 * legacy system's limit in one place, its source's manifest.
 */
export function maxBatchSizeOf(source: Pick<Source, 'capabilities'>, fallback: number): number {
  const batch = source.capabilities?.batch;
  return batch ? batch.maxSize : fallback;
}
