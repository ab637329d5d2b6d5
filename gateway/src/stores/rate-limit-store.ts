/**
 * Shared counters behind the rate-limit step (ARCHITECTURE.md step 5): a token
 * bucket per application (requests per second, bursts up to one second's
 * worth) and a counter per application and UTC day (daily quota). In memory
 * for one replica, in Redis when replicas must share them (envelop
 * rate-limiter's `Store`, reduced to the one call the policy needs).
 */
import { utcDayFormatter } from './utc-day';

/** The limits one request is checked against. */
export interface RateLimits {
  /** Sustained requests per second; also the bucket size (burst). Must be > 0. */
  readonly rps: number;
  /** Requests per UTC day. Must be > 0. */
  readonly dailyQuota: number;
  /** The request's time, ms since the epoch (the memory store's clock; the Redis store uses the server's). */
  readonly now: number;
}

/** The answer of {@link RateLimitStore.consume}. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Why it was refused: the bucket is empty (`rate`) or the day's quota is used (`quota`). */
  readonly limitedBy?: 'rate' | 'quota';
  /** When refused: whole seconds until a retry can succeed (≥ 1). 0 when allowed. */
  readonly retryAfterSeconds: number;
  /** Requests left today after this one. */
  readonly remaining: number;
}

/** Where rate-limit state lives. A refused request consumes nothing. */
export interface RateLimitStore {
  /**
   * Takes one token from `key`'s bucket and one request from its day, atomically, or refuses. A store in
   * this process may answer synchronously (the gateway then does not wait a turn of the event loop).
   */
  consume(key: string, limits: RateLimits): RateLimitDecision | Promise<RateLimitDecision>;
  /** Releases connections the store opened itself. */
  close?(): Promise<void>;
}

/** `YYYYMMDD` of `ms` in UTC: the day of a quota counter. */
export const quotaDay: (ms: number) => string = utcDayFormatter((day) => day.toISOString().slice(0, 10).replaceAll('-', ''));

/** Whole seconds from `ms` to the next UTC midnight (at least 1). */
export function secondsToNextUtcDay(ms: number): number {
  const next = Math.floor(ms / 86_400_000 + 1) * 86_400_000;
  return Math.max(1, Math.ceil((next - ms) / 1000));
}
