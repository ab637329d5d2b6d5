/**
 * The per-request view of the catalog. The first look-up of a request pins
 * the current export's index, so every field of one request answers from
 * the same export even if a new one is swapped in meanwhile; the next
 * request sees the new one. Look-ups by code go through a DataLoader, so the
 * codes asked for by sibling fields are looked up together and only once.
 */
import { createBatchLoader } from '@govgraph/sdk';
import type { ServiceCatalog } from './service-catalog';
import type { ServiceIndex } from './service-index';
import type { Service } from './service.type';

/** This request's loaders of the services subgraph. */
export interface ServiceLoaders {
  /** The index this request reads (pinned at its first call). */
  catalog(): ServiceIndex;
  /** Services by item code; `null` for a code the catalog does not list. */
  serviceByCode: ReturnType<typeof createBatchLoader<string, Service>>;
}

/** Creates the loaders of one request. */
export function createServiceLoaders(catalog: ServiceCatalog): ServiceLoaders {
  let pinned: ServiceIndex | undefined;
  const index = (): ServiceIndex => (pinned ??= catalog.index());
  return {
    catalog: index,
    serviceByCode: createBatchLoader({
      name: 'serviceByCode',
      batch: async (codes: readonly string[]) => index().byCodes(codes),
      keyOf: (service: Service) => service.code,
    }),
  };
}
