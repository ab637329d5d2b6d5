/**
 * A {@link RateLimitStore} in Redis, shared by every gateway replica: one Lua
 * script per request refills and takes from the token bucket and counts the
 * UTC day, atomically (Redis runs a script alone), with Redis's own clock
 * (`TIME`) so replicas with skewed clocks still agree. Keys expire on their
 * own: a bucket after it would be full again, a day counter two days later.
 */
import type { Redis } from 'ioredis';
import type { RateLimitStore } from '../rate-limit-store';

/** Options of {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** An ioredis client. The store never closes it unless `ownsClient`. */
  readonly client: Redis;
  /** Prefix of every key, so several gateways (or tests) share one Redis. @default 'govgraph:rl:' */
  readonly keyPrefix?: string;
  /** `close()` quits the client. @default false */
  readonly ownsClient?: boolean;
}

/**
 * KEYS[1] bucket hash {tokens, ts}, KEYS[2] prefix of the day counter.
 * ARGV[1] rps, ARGV[2] daily quota.
 * Returns { allowed (1/0), limitedBy (0 none, 1 rate, 2 quota), retryAfterMs, remaining }.
 */
const CONSUME_SCRIPT = `
local rps = tonumber(ARGV[1])
local quota = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local dayIndex = math.floor(now / 86400000)
local dayKey = KEYS[2] .. dayIndex
local used = tonumber(redis.call('GET', dayKey) or '0')
if used >= quota then
  return {0, 2, (dayIndex + 1) * 86400000 - now, 0}
end
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(bucket[1])
local ts = tonumber(bucket[2])
if tokens == nil or ts == nil then
  tokens = rps
  ts = now
end
local elapsed = now - ts
if elapsed < 0 then elapsed = 0 end
tokens = math.min(rps, tokens + elapsed * rps / 1000)
local ttl = 2000 -- a bucket is full again one second after its last request
if tokens < 1 then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
  redis.call('PEXPIRE', KEYS[1], ttl)
  return {0, 1, math.ceil((1 - tokens) * 1000 / rps), quota - used}
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], ttl)
used = redis.call('INCR', dayKey)
if used == 1 then redis.call('PEXPIRE', dayKey, 172800000) end
return {1, 0, 0, quota - used}
`;

interface ScriptedRedis extends Redis {
  govgraphConsume(bucketKey: string, dayKeyPrefix: string, rps: number, quota: number): Promise<[number, number, number, number]>;
}

/** Creates the store over `client` (the script is registered with `defineCommand`, sent by hash after the first call). */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const prefix = options.keyPrefix ?? 'govgraph:rl:';
  const client = options.client as ScriptedRedis;
  if (typeof client.govgraphConsume !== 'function') {
    client.defineCommand('govgraphConsume', { numberOfKeys: 2, lua: CONSUME_SCRIPT });
  }
  return {
    async consume(key, { rps, dailyQuota }) {
      const [allowed, limitedBy, retryAfterMs, remaining] = await client.govgraphConsume(
        `${prefix}bucket:${key}`,
        `${prefix}day:${key}:`,
        rps,
        dailyQuota,
      );
      if (allowed === 1) return { allowed: true, retryAfterSeconds: 0, remaining: Math.max(0, remaining) };
      return {
        allowed: false,
        limitedBy: limitedBy === 2 ? 'quota' : 'rate',
        retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
        remaining: Math.max(0, remaining),
      };
    },
    async close() {
      if (options.ownsClient) await client.quit();
    },
  };
}
