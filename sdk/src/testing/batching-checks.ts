/**
 * Batching checks, through the department's `countCalls()` hook: N
 * references to one key field must cost at most ⌈N / maxBatchSize⌉ calls to
 * the legacy system. Measured twice per key: a handful of distinct keys
 * (one call allowed, so a resolver that calls once per key fails with two
 * samples already) and a large batch (several calls allowed).
 */
import { check, skipped, type ConformanceRun } from './conformance-run';
import type { ConformanceCheck } from './conformance-spec';
import { resolveBatch, type Expectation } from './entity-batch';
import { describeKey, type EntityKey } from './find-entity-keys';
import { planKey } from './key-plan';

/** @internal Runs the batching group. */
export async function runBatchingChecks(run: ConformanceRun): Promise<ConformanceCheck[]> {
  const countCalls = run.spec.countCalls;
  if (!countCalls) return [skipped('batching', 'N references cost at most ⌈N / maxBatchSize⌉ legacy calls', 'no countCalls hook')];
  const result = await run.sdl();
  if (result.problem !== undefined) return [check('batching', 'N references cost at most ⌈N / maxBatchSize⌉ legacy calls', `cannot check without the SDL: ${result.problem}`)];
  const checks: ConformanceCheck[] = [];
  for (const key of result.keys.filter((each) => each.resolvable)) {
    const samples = run.samplesOf(key);
    if (!samples || samples.found.length === 0) continue; // the entities group reports it
    const maxBatchSize = samples.maxBatchSize ?? run.maxBatchSize;
    const plan = planKey(samples);
    const small = plan.distinct(Math.min(maxBatchSize, plan.found.length + (plan.missing === undefined ? 0 : 1)));
    const name = `${describeKey(key)}: N references cost at most ⌈N / ${maxBatchSize}⌉ legacy calls`;
    if (small.length < 2) {
      checks.push(check('batching', name, `${describeKey(key)}: batching needs two distinct keys — supply a second found value or a missing value`));
      continue;
    }
    const problems: string[] = [];
    for (const batch of [small, plan.distinct(run.largeBatchSize)]) {
      const problem = await measure(run, countCalls, key, batch, maxBatchSize);
      if (problem) problems.push(problem);
    }
    checks.push(check('batching', name, problems.length ? `${describeKey(key)}: ${problems.join('; ')}` : undefined));
  }
  return checks;
}

async function measure(
  run: ConformanceRun,
  countCalls: () => number | Promise<number>,
  key: EntityKey,
  batch: readonly Expectation[],
  maxBatchSize: number,
): Promise<string | undefined> {
  const before = await countCalls();
  await resolveBatch(run, key, batch);
  const calls = (await countCalls()) - before;
  const allowed = Math.ceil(batch.length / maxBatchSize);
  if (calls <= allowed) return undefined;
  return (
    `${batch.length} references cost ${calls} calls to the legacy system, at most ${allowed} allowed (⌈${batch.length} / ${maxBatchSize}⌉) — ` +
    'resolve references in batches: the entities option (byKey load: one call per batch) or a createBatchLoader, never one legacy call per __resolveReference'
  );
}
