/** Filtering and ordering of usage counters, shared by the stores. @internal */
import type { UsageCount, UsageQuery } from './usage-counter-store';

/** Whether `count` is selected by `query`. @internal */
export function matchesUsageQuery(count: UsageCount, query: UsageQuery): boolean {
  if (query.applicationId !== undefined && count.applicationId !== query.applicationId) return false;
  if (query.fromDay !== undefined && count.day < query.fromDay) return false;
  if (query.toDay !== undefined && count.day > query.toDay) return false;
  return true;
}

/** Order of {@link UsageCounterStore.list}: by day, then application id. @internal */
export function compareUsage(a: UsageCount, b: UsageCount): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.applicationId === b.applicationId) return 0;
  return a.applicationId < b.applicationId ? -1 : 1;
}
