/**
 * Opens a bench registry that another process seeded (see
 * `seed-bench-registry-apart.ts`). Its migrations are already recorded, so
 * opening it skips the schema engine; `close()` only disconnects (the file
 * belongs to whoever seeded it).
 */
import { openRegistry } from '@govgraph/gateway';
import type { SeededBenchRegistry } from './bench-gateway';
import type { BenchRegistry } from './seed-bench-registry';

/** Opens `seeded` as a {@link BenchRegistry}. */
export async function openSeededBenchRegistry(seeded: SeededBenchRegistry): Promise<BenchRegistry> {
  const registry = await openRegistry({ url: seeded.url });
  return {
    registry,
    url: seeded.url,
    pepper: seeded.pepper,
    apiKey: seeded.apiKey,
    applicationId: seeded.applicationId,
    close: () => registry.close(),
  };
}
