/**
 * A {@link RateLimitStore} in a map: one gateway replica (and tests). The
 * bucket and day counter of a key are updated together in one synchronous
 * step, so concurrent requests cannot both take the last token.
 */
import { quotaDay, secondsToNextUtcDay, type RateLimitStore } from '../rate-limit-store';

interface Counters {
  tokens: number;
  updatedAt: number;
  day: string;
  used: number;
}

/** Creates an empty in-memory rate-limit store. */
export function createMemoryRateLimitStore(): RateLimitStore {
  const counters = new Map<string, Counters>();
  return {
    consume(key, { rps, dailyQuota, now }) {
      const day = quotaDay(now);
      let entry = counters.get(key);
      if (!entry) {
        entry = { tokens: rps, updatedAt: now, day, used: 0 };
        counters.set(key, entry);
      }
      entry.tokens = Math.min(rps, entry.tokens + (Math.max(0, now - entry.updatedAt) / 1000) * rps);
      entry.updatedAt = Math.max(entry.updatedAt, now);
      if (entry.day !== day) {
        entry.day = day;
        entry.used = 0;
      }
      if (entry.used >= dailyQuota) {
        return { allowed: false, limitedBy: 'quota', retryAfterSeconds: secondsToNextUtcDay(now), remaining: 0 };
      }
      if (entry.tokens < 1) {
        return { allowed: false, limitedBy: 'rate', retryAfterSeconds: Math.max(1, Math.ceil((1 - entry.tokens) / rps)), remaining: dailyQuota - entry.used };
      }
      entry.tokens -= 1;
      entry.used += 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: dailyQuota - entry.used };
    },
  };
}
