/**
 * Requests per application per day (UTC), for quotas reports and the
 * auditor role. The gateway adds counts in batches, not per request.
 */
import { utcDayFormatter } from './utc-day';

/** The requests of one application on one day. */
export interface UsageCount {
  readonly applicationId: string;
  /** UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly requests: number;
}

/** Which counts {@link UsageCounterStore.list} returns. */
export interface UsageQuery {
  readonly applicationId?: string;
  /** First day, inclusive (`YYYY-MM-DD`). */
  readonly fromDay?: string;
  /** Last day, inclusive (`YYYY-MM-DD`). */
  readonly toDay?: string;
}

/** Stores usage counters. */
export interface UsageCounterStore {
  /** Adds each increment to its (application, day) counter, creating it at 0 when missing. */
  add(increments: readonly UsageCount[]): Promise<void>;
  /** Counters matching `query`, by day then application id. */
  list(query?: UsageQuery): Promise<UsageCount[]>;
}

/** `YYYY-MM-DD` of `date` in UTC. @throws RangeError for an invalid date */
export function usageDay(date: Date): string {
  return usageDayOf(date.getTime());
}

const usageDayOf = utcDayFormatter((day) => day.toISOString().slice(0, 10));
