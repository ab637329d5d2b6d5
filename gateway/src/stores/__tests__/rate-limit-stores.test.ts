import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createMemoryRateLimitStore } from '../memory/memory-rate-limit-store';
import { createRedisRateLimitStore } from '../redis/redis-rate-limit-store';
import { secondsToNextUtcDay, type RateLimitStore } from '../rate-limit-store';

describe('memory rate-limit store', () => {
  const day = Date.UTC(2030, 0, 1, 23, 59, 58);

  it('allows a burst of rps, refuses the next with Retry-After, refills over time', async () => {
    const store = createMemoryRateLimitStore();
    const limits = { rps: 2, dailyQuota: 100, now: day };
    expect((await store.consume('a', limits)).allowed).toBe(true);
    expect((await store.consume('a', limits)).allowed).toBe(true);
    expect(await store.consume('a', limits)).toEqual({ allowed: false, limitedBy: 'rate', retryAfterSeconds: 1, remaining: 98 });
    expect((await store.consume('a', { ...limits, now: day + 500 })).allowed).toBe(true);
    expect((await store.consume('b', limits)).allowed).toBe(true);
  });

  it('counts the UTC day and starts again the next day', async () => {
    const store = createMemoryRateLimitStore();
    const limits = { rps: 100, dailyQuota: 2, now: day };
    await store.consume('a', limits);
    expect(await store.consume('a', limits)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 });
    expect(await store.consume('a', limits)).toEqual({ allowed: false, limitedBy: 'quota', retryAfterSeconds: 2, remaining: 0 });
    expect((await store.consume('a', { ...limits, now: day + 3000 })).allowed).toBe(true);
    expect(secondsToNextUtcDay(day)).toBe(2);
  });
});

const redisUrl = process.env['GOVGRAPH_TEST_REDIS_URL'];
if (!redisUrl) process.stdout.write('rate-limit-stores.test: GOVGRAPH_TEST_REDIS_URL is not set; the Redis store tests are skipped\n');
(redisUrl ? describe : describe.skip)('Redis rate-limit store (two replicas sharing one Redis)', () => {
  const prefix = `govgraph:test:${randomUUID()}:`;
  let first: Redis;
  let second: Redis;
  let replicaA: RateLimitStore;
  let replicaB: RateLimitStore;

  beforeAll(() => {
    first = new Redis(redisUrl as string);
    second = new Redis(redisUrl as string);
    replicaA = createRedisRateLimitStore({ client: first, keyPrefix: prefix });
    replicaB = createRedisRateLimitStore({ client: second, keyPrefix: prefix });
  });
  afterAll(async () => {
    const keys = await first.keys(`${prefix}*`);
    if (keys.length > 0) await first.del(...keys);
    await Promise.all([first.quit(), second.quit()]);
  });

  it('shares one token bucket between replicas', async () => {
    const limits = { rps: 3, dailyQuota: 1000, now: Date.now() };
    const results = await Promise.all([replicaA, replicaB, replicaA, replicaB, replicaA].map((store) => store.consume('app-rate', limits)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    const refused = results.find((r) => !r.allowed);
    expect(refused).toMatchObject({ allowed: false, limitedBy: 'rate', retryAfterSeconds: 1 });
  });

  it('shares one daily quota between replicas, with Retry-After to the next UTC day', async () => {
    const limits = { rps: 100, dailyQuota: 4, now: Date.now() };
    const results = [];
    for (const store of [replicaA, replicaB, replicaA, replicaB, replicaA, replicaB]) results.push(await store.consume('app-quota', limits));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([3, 2, 1, 0, 0, 0]);
    expect(results[4]?.limitedBy).toBe('quota');
    expect(Math.abs((results[4]?.retryAfterSeconds ?? 0) - secondsToNextUtcDay(Date.now()))).toBeLessThanOrEqual(2);
  });

  it('refills the bucket over time', async () => {
    const limits = { rps: 1, dailyQuota: 1000, now: Date.now() };
    expect((await replicaA.consume('app-refill', limits)).allowed).toBe(true);
    expect((await replicaB.consume('app-refill', limits)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await replicaB.consume('app-refill', limits)).allowed).toBe(true);
  });
});
