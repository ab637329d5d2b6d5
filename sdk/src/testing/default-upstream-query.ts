/**
 * The query the error and timeout checks use when the department supplies
 * none: `_entities` with the first found sample of the first key with a
 * `selection` (which reaches the source), else of the first key that this
 * subgraph resolves from its legacy system (not one it only extends).
 */
import type { ConformanceRun } from './conformance-run';
import type { ConformanceQuery } from './conformance-spec';
import { representationOf, selectionOf } from './entity-batch';

/** @internal The spec's `upstreamQuery`, or the default; `undefined` when there is no sample to build one. */
export async function upstreamQueryOf(run: ConformanceRun): Promise<ConformanceQuery | undefined> {
  if (run.spec.upstreamQuery) return run.spec.upstreamQuery;
  const result = await run.sdl();
  if (result.problem !== undefined) return undefined;
  // A key with a `selection` reaches the source whether or not this subgraph owns the entity: prefer it.
  const candidates = result.keys.filter((key) => key.resolvable && run.samplesOf(key) !== undefined);
  const ordered = [...candidates.filter((key) => selectionOf(run, key) !== ''), ...candidates.filter((key) => selectionOf(run, key) === '')];
  for (const key of ordered) {
    const samples = run.samplesOf(key);
    const value = samples?.found[0];
    const selection = selectionOf(run, key);
    if (!samples || (samples.missing === false && selection === '') || value === undefined) continue;
    return {
      query: `query ConformanceUpstream($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${key.typename} { ${key.fields}${selection} } } }`,
      variables: { representations: [representationOf(key, value)] },
    };
  }
  return undefined;
}
