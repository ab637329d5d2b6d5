/**
 * The {@link UsageCounterStore} over the Prisma registry. Increments of one
 * batch are summed per (application, day) and applied by one raw multi-row
 * upsert (`INSERT … ON CONFLICT DO UPDATE SET requests = requests + excluded`,
 * the same SQL on SQLite and PostgreSQL; chunks in one transaction), so
 * concurrent gateways never lose counts and no call goes through Prisma's
 * query compiler on this per-batch path.
 */
import type { UsageCounterStore } from '../stores/usage-counter-store';
import { multiRowInsert } from './multi-row-insert';
import type { RegistryClient } from './registry-client';
import { registryProviderOf } from './registry-provider-of';

const ADD_TO_EXISTING = 'ON CONFLICT ("applicationId", "day") DO UPDATE SET "requests" = "UsageCounter"."requests" + excluded."requests"';

/** Creates a usage counter store over `prisma`. */
export function createPrismaUsageCounterStore(prisma: RegistryClient): UsageCounterStore {
  const provider = registryProviderOf(prisma);
  return {
    async add(increments) {
      const sums = new Map<string, { applicationId: string; day: string; requests: number }>();
      for (const { applicationId, day, requests } of increments) {
        const key = `${applicationId}\u0000${day}`;
        const sum = sums.get(key);
        if (sum) sum.requests += requests;
        else sums.set(key, { applicationId, day, requests });
      }
      if (sums.size === 0) return;
      // Summed first: one statement may not touch the same (application, day) twice (PostgreSQL refuses it).
      await multiRowInsert(prisma, provider, {
        table: 'UsageCounter',
        columns: ['applicationId', 'day', 'requests'],
        rows: [...sums.values()].map(({ applicationId, day, requests }) => [applicationId, day, requests]),
        suffix: ADD_TO_EXISTING,
      });
    },
    async list(query = {}) {
      const rows = await prisma.usageCounter.findMany({
        where: {
          applicationId: query.applicationId,
          day: { gte: query.fromDay, lte: query.toDay },
        },
        orderBy: [{ day: 'asc' }, { applicationId: 'asc' }],
      });
      return rows.map(({ applicationId, day, requests }) => ({ applicationId, day, requests }));
    },
  };
}
