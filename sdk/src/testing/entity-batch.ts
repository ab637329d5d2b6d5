/**
 * Sends a batch of representations to `_entities` and judges the answer
 * position by position: one value per representation, in order, found keys
 * with their `__typename` and key values, missing keys `null` without an
 * error. Shared by the entities and batching groups.
 */
import type { GraphQLAnswer } from './conformance-client';
import { describeErrors, joinProblems, type ConformanceRun } from './conformance-run';
import type { KeyValue } from './conformance-spec';
import { describeKey, topLevelKeyFields, type EntityKey } from './find-entity-keys';
import { keyIdentity } from './make-missing-keys';

/** @internal What a position of the batch should answer. */
export type Expectation = { readonly value: KeyValue; readonly exists: boolean };

/** @internal The outcome of one batch. */
export interface BatchOutcome {
  readonly answer?: GraphQLAnswer;
  /** Problems found, each a fix-it sentence without the key prefix. */
  readonly problems: readonly string[];
}

const BATCH_FIX = 'a batch function must return one value per key, in key order (use createBatchLoader or the entities option)';

/** @internal The representation of `value` for `key`. */
export function representationOf(key: EntityKey, value: KeyValue): Record<string, unknown> {
  if (typeof value === 'object') return { __typename: key.typename, ...value };
  const [field] = topLevelKeyFields(key.fields);
  return { __typename: key.typename, [field ?? key.fields]: value };
}

/** @internal The key's `selection` from the spec, as text to append after the key fields (empty when none). */
export function selectionOf(run: ConformanceRun, key: EntityKey): string {
  const selection = run.samplesOf(key)?.selection?.trim();
  return selection ? ` ${selection}` : '';
}

/** @internal Resolves `expectations` in one `_entities` request and lists what is wrong with the answer. */
export async function resolveBatch(run: ConformanceRun, key: EntityKey, expectations: readonly Expectation[]): Promise<BatchOutcome> {
  const representations = expectations.map((expectation) => representationOf(key, expectation.value));
  const selection = selectionOf(run, key);
  let answer: GraphQLAnswer;
  try {
    answer = await run.client.graphql({
      query: `query Conformance($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on ${key.typename} { ${key.fields}${selection} } } }`,
      variables: { representations },
    });
  } catch (error) {
    return { problems: [`_entities with ${representations.length} representations failed: ${(error as Error).message}`] };
  }
  const results: unknown = answer.data?._entities;
  if (!Array.isArray(results)) {
    return { answer, problems: [`_entities answered no list for ${representations.length} representations (${describeErrors(answer)})`] };
  }
  if (results.length !== representations.length) {
    return { answer, problems: [`_entities returned ${results.length} results for ${representations.length} representations — ${BATCH_FIX}`] };
  }
  const errorsAt = new Map<number, string[]>();
  const unplaced: string[] = [];
  for (const error of answer.errors ?? []) {
    const index = error.path?.[0] === '_entities' ? error.path[1] : undefined;
    const code = typeof error.extensions?.['code'] === 'string' ? `${error.extensions['code']}: ` : '';
    if (typeof index === 'number') errorsAt.set(index, [...(errorsAt.get(index) ?? []), `${code}${error.message}`]);
    else unplaced.push(`${code}${error.message}`);
  }
  const problems: string[] = [];
  if (unplaced.length > 0) problems.push(`_entities failed as a whole: ${unplaced.slice(0, 2).join('; ')} — resolve each representation on its own: one failing key must not fail the others`);
  const fields = topLevelKeyFields(key.fields);
  const wanted = expectations.map((expectation) => identityOfValue(expectation.value, fields));
  const describe = (value: KeyValue) => (typeof value === 'object' ? JSON.stringify(value) : `${fields[0] ?? key.fields} ${JSON.stringify(value)}`);

  expectations.forEach((expectation, index) => {
    const result = results[index] as Record<string, unknown> | null;
    const errors = errorsAt.get(index);
    if (!expectation.exists) {
      if (errors) {
        problems.push(
          `representation ${index} (${describe(expectation.value)}, which does not exist) answered an error (${errors[0]}) — a missing key must be null in place, not an error: return no record for it (createBatchLoader's missing: 'null', the default), never throw for the batch`,
        );
      } else if (result !== null && result !== undefined) {
        const other = wanted.indexOf(identityOfResult(result, fields));
        problems.push(
          other >= 0 && other !== index
            ? `representation ${index} (${describe(expectation.value)}, which does not exist) was answered with the record of representation ${other} — answers must be in representation order: ${BATCH_FIX}`
            : `representation ${index} (${describe(expectation.value)}, which should not exist) answered ${JSON.stringify(result)} — if this subgraph only extends ${key.typename}, set missing: false for this key in the spec; otherwise supply a missing value that really does not exist`,
        );
      }
      return;
    }
    if (errors) {
      problems.push(`representation ${index} (${describe(expectation.value)}) answered an error: ${errors[0]}`);
      return;
    }
    if (result === null || result === undefined) {
      problems.push(`representation ${index} (${describe(expectation.value)}, which exists) answered null — check the sample, and that the batch function finds every key it is given (${BATCH_FIX})`);
      return;
    }
    if (result['__typename'] !== key.typename) {
      problems.push(`representation ${index} answered __typename ${JSON.stringify(result['__typename'])}, not ${key.typename} — resolve references to objects of the entity's own type`);
      return;
    }
    const identity = identityOfResult(result, fields);
    if (identity !== wanted[index]) {
      const other = wanted.indexOf(identity);
      problems.push(
        other >= 0
          ? `answer ${index} is the record of representation ${other} (${describe(expectations[other]!.value)}), not of ${describe(expectation.value)} — answers must be in representation order: ${BATCH_FIX}`
          : `answer ${index} has key ${identity} but representation ${index} asked for ${wanted[index]} — an entity must come back with the key values it was asked for`,
      );
    }
  });
  return { answer, problems };
}

/** @internal The fix-it message for a key's outcome, or `undefined` when it has no problems. */
export function keyProblem(key: EntityKey, problems: readonly string[]): string | undefined {
  const joined = joinProblems(problems);
  return joined === undefined ? undefined : `${describeKey(key)}: ${joined}`;
}

/** The key fields of a record, as one comparable string. */
function identityOfResult(result: Readonly<Record<string, unknown>>, fields: readonly string[]): string {
  return keyIdentity(Object.fromEntries(fields.map((field) => [field, result[field]])));
}

function identityOfValue(value: KeyValue, fields: readonly string[]): string {
  return typeof value === 'object' ? identityOfResult(value, fields) : keyIdentity({ [fields[0] ?? '']: value });
}
