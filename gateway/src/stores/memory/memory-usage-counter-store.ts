/** A {@link UsageCounterStore} in a map: for tests and single-process embedding. */
import type { UsageCount, UsageCounterStore } from '../usage-counter-store';
import { compareUsage, matchesUsageQuery } from '../usage-query';

/** Creates an empty in-memory usage counter store. */
export function createMemoryUsageCounterStore(): UsageCounterStore {
  const counters = new Map<string, UsageCount>();
  return {
    async add(increments) {
      for (const { applicationId, day, requests } of increments) {
        const key = `${applicationId}\u0000${day}`;
        const previous = counters.get(key)?.requests ?? 0;
        counters.set(key, { applicationId, day, requests: previous + requests });
      }
    },
    async list(query = {}) {
      return [...counters.values()].filter((count) => matchesUsageQuery(count, query)).sort(compareUsage);
    },
  };
}
