/**
 * The key values the entity and batching checks use for one key: the
 * department's found samples, one missing value (supplied or generated) and,
 * for large batches, many distinct values (found ones spread among
 * generated ones).
 */
import type { KeySamples, KeyValue } from './conformance-spec';
import type { Expectation } from './entity-batch';
import { keyIdentity, makeMissingKeys } from './make-missing-keys';

/** @internal The values of one key's checks. */
export interface KeyPlan {
  readonly found: readonly KeyValue[];
  /** A value that does not exist; `undefined` when the key opted out (`missing: false`) or none could be made. */
  readonly missing: KeyValue | undefined;
  /** True when every reference resolves here (`missing: false`): generated values count as found. */
  readonly resolvesEverything: boolean;
  /** Why no missing value is available, when it is not. */
  readonly missingProblem?: string;
  /** `count` distinct expectations: the found values spread evenly among generated ones. Fewer when generation runs dry. */
  distinct(count: number): Expectation[];
}

/** @internal Plans one key's values from the department's samples. */
export function planKey(samples: KeySamples): KeyPlan {
  const found = dedupe(samples.found);
  const resolvesEverything = samples.missing === false;
  const seed = samples.missing !== undefined && samples.missing !== false ? samples.missing : found[0];
  let missing: KeyValue | undefined;
  let missingProblem: string | undefined;
  if (samples.missing !== undefined && samples.missing !== false) missing = samples.missing;
  else if (!resolvesEverything && seed !== undefined) {
    missing = makeMissingKeys(1, found, seed, samples.makeMissing)[0];
    if (missing === undefined) missingProblem = 'the kit cannot make a key value that does not exist from the samples — supply `missing` (and `makeMissing` for large batches)';
  }
  return {
    found,
    missing,
    resolvesEverything,
    ...(missingProblem ? { missingProblem } : {}),
    distinct(count) {
      const taken = missing === undefined ? found : [...found, missing];
      const extra = seed === undefined ? [] : makeMissingKeys(Math.max(0, count - taken.length), taken, seed, samples.makeMissing);
      const others: Expectation[] = [
        ...(missing === undefined ? [] : [{ value: missing, exists: resolvesEverything }]),
        ...extra.map((value) => ({ value, exists: resolvesEverything })),
      ];
      const total = Math.min(count, found.length + others.length);
      const result: Expectation[] = [];
      const every = found.length === 0 ? Infinity : Math.max(1, Math.floor(total / found.length));
      let nextFound = 0;
      let nextOther = 0;
      for (let index = 0; index < total; index += 1) {
        const placeFound = nextFound < found.length && (index % every === 0 || nextOther >= others.length);
        if (placeFound) result.push({ value: found[nextFound++]!, exists: true });
        else result.push(others[nextOther++]!);
      }
      return result;
    },
  };
}

function dedupe(values: readonly KeyValue[]): KeyValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const identity = keyIdentity(value);
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}
