/**
 * Entry point of the short-lived seeding process: `node
 * seed-bench-registry-child.js <directory>`. Seeds the province-sized bench
 * registry into `<directory>/registry.db`, closes it, and answers the
 * {@link SeededBenchRegistry} over IPC; the gateway child then opens the file.
 * Seeding 3,428 applications and 50,000 grants peaks at over 400 MiB, which
 * must not count as the gateway's peak RSS.
 */
import { answerParent } from '../measure/answer-parent';
import type { SeededBenchRegistry } from './bench-gateway';
import { seedBenchRegistry } from './seed-bench-registry';

answerParent(async () => {
  const [directory] = process.argv.slice(2);
  if (directory === undefined) throw new Error('usage: seed-bench-registry-child <directory>');
  const bench = await seedBenchRegistry({ directory });
  await bench.close();
  const seeded: SeededBenchRegistry = { url: bench.url, pepper: bench.pepper, apiKey: bench.apiKey, applicationId: bench.applicationId };
  return { info: { ...seeded }, handlers: { close: async () => undefined } };
});
