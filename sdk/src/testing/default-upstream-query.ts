/**
 * The query the error and timeout checks use when the department supplies
 * none: `_entities` with the first found sample of the first key that this
 * subgraph resolves from its legacy system (not one it only extends).
 */
import type { ConformanceRun } from './conformance-run';
import type { ConformanceQuery } from './conformance-spec';
import { representationOf } from './entity-batch';

/** @internal The spec's `upstreamQuery`, or the default; `undefined` when there is no sample to build one. */
export async function upstreamQueryOf(run: ConformanceRun): Promise<ConformanceQuery | undefined> {
  if (run.spec.upstreamQuery) return run.spec.upstreamQuery;
  const result = await run.sdl();
  if (result.problem !== undefined) return undefined;
  for (const key of result.keys) {
    const samples = key.resolvable ? run.samplesOf(key) : undefined;
    const value = samples?.found[0];
    if (!samples || samples.missing === false || value === undefined) continue;
    return {
      query: `query ConformanceUpstream($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${key.typename} { ${key.fields} } } }`,
      variables: { representations: [representationOf(key, value)] },
    };
  }
  return undefined;
}
