/**
 * The {@link UsageCounterStore} over the Prisma registry. Increments of one
 * batch are summed per (application, day) and applied as upserts with
 * `increment` in one transaction, so concurrent gateways never lose counts.
 */
import type { UsageCounterStore } from '../stores/usage-counter-store';
import type { RegistryClient } from './registry-client';

/** Creates a usage counter store over `prisma`. */
export function createPrismaUsageCounterStore(prisma: RegistryClient): UsageCounterStore {
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
      await prisma.$transaction(
        [...sums.values()].map(({ applicationId, day, requests }) =>
          prisma.usageCounter.upsert({
            where: { applicationId_day: { applicationId, day } },
            create: { applicationId, day, requests },
            update: { requests: { increment: requests } },
          }),
        ),
      );
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
