/**
 * Entity checks: for every resolvable `@key` the SDL declares, `_entities`
 * with the department's sample keys answers found keys with their
 * `__typename` and key values, a missing key with `null` in place, answers in
 * representation order, identical answers for duplicates, and a large batch.
 */
import { check, type ConformanceRun } from './conformance-run';
import type { ConformanceCheck } from './conformance-spec';
import { keyProblem, resolveBatch, type Expectation } from './entity-batch';
import { describeKey, type EntityKey } from './find-entity-keys';
import { keyIdentity } from './make-missing-keys';
import { planKey, type KeyPlan } from './key-plan';

/** @internal Runs the entities group. */
export async function runEntityChecks(run: ConformanceRun): Promise<ConformanceCheck[]> {
  const result = await run.sdl();
  if (result.problem !== undefined) return [check('entities', 'entity references resolve', `cannot check without the SDL: ${result.problem}`)];
  const checks: ConformanceCheck[] = [];
  const resolvable = result.keys.filter((key) => key.resolvable);
  if (resolvable.length === 0) return [{ group: 'entities', name: 'entity references resolve', passed: true, skipped: 'the SDL declares no resolvable @key' }];
  for (const key of resolvable) {
    const samples = run.samplesOf(key);
    const prefix = describeKey(key);
    if (!samples || samples.found.length === 0) {
      checks.push(
        check(
          'entities',
          `${prefix}: sample keys supplied`,
          `${prefix}: no sample key values in the spec — add entities: { ${key.typename}: { ${JSON.stringify(key.fields)}: ['<a key the legacy system holds>', '<another>'] } }, or mark the key resolvable: false if this subgraph does not resolve it`,
        ),
      );
      continue;
    }
    checks.push(...(await checkKey(run, key, planKey(samples))));
  }
  return checks;
}

async function checkKey(run: ConformanceRun, key: EntityKey, plan: KeyPlan): Promise<ConformanceCheck[]> {
  const prefix = describeKey(key);
  const found = plan.found.map((value): Expectation => ({ value, exists: true }));
  const missing: Expectation | undefined = plan.missing === undefined ? undefined : { value: plan.missing, exists: plan.resolvesEverything };
  const checks: ConformanceCheck[] = [];

  const foundOutcome = await resolveBatch(run, key, found);
  checks.push(check('entities', `${prefix}: found keys resolve with __typename and their key values`, keyProblem(key, foundOutcome.problems)));

  const missingName = `${prefix}: a missing key answers null in its place`;
  if (plan.resolvesEverything) checks.push({ group: 'entities', name: missingName, passed: true, skipped: 'missing: false (every reference resolves here)' });
  else if (!missing) checks.push(check('entities', missingName, `${prefix}: ${plan.missingProblem ?? 'no missing value'}`));
  else {
    const outcome = await resolveBatch(run, key, [found[0]!, missing, ...found.slice(1)]);
    checks.push(check('entities', missingName, keyProblem(key, outcome.problems)));
  }

  const reversed = [...found].reverse();
  const unordered = missing ? [reversed[0]!, missing, ...reversed.slice(1)] : reversed;
  const orderOutcome = await resolveBatch(run, key, unordered.length > 1 ? unordered : [...unordered, ...unordered]);
  checks.push(check('entities', `${prefix}: answers come in representation order`, keyProblem(key, orderOutcome.problems)));

  const first = found[0]!;
  const duplicates = [first, ...found.slice(1, 2), first, ...(missing ? [missing, missing] : []), first];
  const duplicateOutcome = await resolveBatch(run, key, duplicates);
  const duplicateProblems = [...duplicateOutcome.problems];
  const results: unknown = duplicateOutcome.answer?.data?._entities;
  if (duplicateProblems.length === 0 && Array.isArray(results)) {
    const byKey = new Map<string, string>();
    duplicates.forEach((expectation, index) => {
      const identity = keyIdentity(expectation.value);
      const answer = JSON.stringify(results[index]);
      const earlier = byKey.get(identity);
      if (earlier === undefined) byKey.set(identity, answer);
      else if (earlier !== answer) duplicateProblems.push(`representation ${index} repeats an earlier key but answered ${answer}, not ${earlier} — answer every occurrence of a key (dedupe keys before the batch call, then map the result back to each position)`);
    });
  }
  checks.push(check('entities', `${prefix}: duplicate keys get identical answers in every place`, keyProblem(key, duplicateProblems)));

  const large = plan.distinct(run.largeBatchSize);
  const largeName = `${prefix}: a batch of ${run.largeBatchSize} representations works`;
  if (large.length < run.largeBatchSize) {
    checks.push(
      check('entities', largeName, `${prefix}: the kit could make only ${large.length} distinct key values — supply makeMissing: (i) => <the i-th key that does not exist> for this key`),
    );
  } else {
    const outcome = await resolveBatch(run, key, large);
    const hint = outcome.problems.some((problem) => problem.includes('answered an error')) && !plan.resolvesEverything
      ? [`(generated keys such as ${JSON.stringify(large.find((each) => !each.exists)?.value)} may be invalid for this subgraph: supply makeMissing)`]
      : [];
    checks.push(check('entities', largeName, keyProblem(key, [...outcome.problems, ...(outcome.problems.length ? hint : [])])));
  }
  return checks;
}
