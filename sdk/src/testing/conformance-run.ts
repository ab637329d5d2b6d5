/**
 * The state one conformance run shares between its check groups: the client,
 * the spec with defaults applied, and the SDL and entity keys (fetched once).
 */
import type { ConformanceClient, GraphQLAnswer } from './conformance-client';
import type { ConformanceCheck, ConformanceGroup, ConformanceSpec, KeySamples, KeyValue } from './conformance-spec';
import { findEntityKeys, type EntityKey } from './find-entity-keys';

/** @internal The SDL, or why it could not be read. */
export type SdlResult = { readonly sdl: string; readonly keys: readonly EntityKey[]; readonly problem?: never } | { readonly problem: string; readonly sdl?: never; readonly keys?: never };

/** @internal Shared state of a run. */
export interface ConformanceRun {
  readonly client: ConformanceClient;
  readonly spec: ConformanceSpec;
  readonly maxBatchSize: number;
  readonly largeBatchSize: number;
  readonly secrets: readonly string[];
  /** `_service { sdl }` and the keys declared in it, fetched on first use. */
  sdl(): Promise<SdlResult>;
  /** The department's samples of a key, normalised to {@link KeySamples}, or `undefined`. */
  samplesOf(key: EntityKey): KeySamples | undefined;
}

/** @internal Creates the run state. */
export function createConformanceRun(client: ConformanceClient, spec: ConformanceSpec): ConformanceRun {
  let sdl: Promise<SdlResult> | undefined;
  return {
    client,
    spec,
    maxBatchSize: spec.maxBatchSize ?? 100,
    largeBatchSize: spec.largeBatchSize ?? 250,
    secrets: spec.secrets ?? [],
    sdl: () => (sdl ??= readSdl(client)),
    samplesOf(key) {
      const samples = spec.entities[key.typename]?.[key.fields];
      if (samples === undefined) return undefined;
      return isSampleList(samples) ? { found: samples } : samples;
    },
  };
}

/** @internal A check result, passed or failed. */
export function check(group: ConformanceGroup, name: string, problem: string | undefined): ConformanceCheck {
  return problem === undefined ? { group, name, passed: true } : { group, name, passed: false, problem };
}

/** @internal A check that did not run. */
export function skipped(group: ConformanceGroup, name: string, reason: string): ConformanceCheck {
  return { group, name, passed: true, skipped: reason };
}

/** @internal A short description of an answer's errors, for messages. */
export function describeErrors(answer: GraphQLAnswer): string {
  const errors = answer.errors ?? [];
  if (errors.length === 0) return `HTTP ${answer.status}, no errors`;
  const shown = errors.slice(0, 3).map((error) => {
    const code = typeof error.extensions?.['code'] === 'string' ? `${error.extensions['code']}: ` : '';
    const path = error.path ? ` at ${error.path.join('.')}` : '';
    return `${code}${error.message}${path}`;
  });
  return `${shown.join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`;
}

/** @internal Joins problems, showing the first few. */
export function joinProblems(problems: readonly string[], shown = 3): string | undefined {
  if (problems.length === 0) return undefined;
  const head = problems.slice(0, shown).join('; ');
  return problems.length > shown ? `${head} (and ${problems.length - shown} more)` : head;
}

/** @internal Runs a hook pair safely: `restore` always runs, even when `work` throws. */
export async function withUpstream<T>(apply: () => void | Promise<void>, restore: () => void | Promise<void>, work: () => Promise<T>): Promise<T> {
  await apply();
  try {
    return await work();
  } finally {
    await restore();
  }
}

function isSampleList(samples: KeySamples | readonly KeyValue[]): samples is readonly KeyValue[] {
  return Array.isArray(samples);
}

async function readSdl(client: ConformanceClient): Promise<SdlResult> {
  let answer: GraphQLAnswer;
  try {
    answer = await client.graphql({ query: '{ _service { sdl } }' });
  } catch (error) {
    return { problem: `_service { sdl } did not answer (${(error as Error).message}) — serve the subgraph with createSubgraph (or @apollo/subgraph's buildSubgraphSchema)` };
  }
  const sdl: unknown = answer.data?._service?.sdl;
  if (typeof sdl !== 'string' || sdl.trim() === '') {
    return {
      problem: `_service { sdl } did not answer the SDL (${describeErrors(answer)}) — a federated subgraph must answer it: build the schema with createSubgraph (or @apollo/subgraph's buildSubgraphSchema)`,
    };
  }
  try {
    return { sdl, keys: findEntityKeys(sdl) };
  } catch (error) {
    return { problem: `the SDL from _service does not parse: ${(error as Error).message}` };
  }
}
