/**
 * Batched entity reference resolution. The gateway sends `_entities` with
 * many representations at once; a naive `__resolveReference` would call the
 * legacy system once per entity. Here each entity type gets one DataLoader per
 * request, so N references cost ceil(N / maxBatchSize) calls per key field.
 */
import DataLoader from 'dataloader';

/** Resolves references keyed by one field, e.g. `Person @key(fields: "idNumber")`. */
export interface KeyFieldResolver<TContext> {
  /** Loads the records for these key values, in any order, possibly fewer. */
  load: (keys: readonly string[], context: TContext) => Promise<readonly object[]>;
  /** The key value of a returned record. @default record[field] */
  keyOf?: (record: object) => string;
}

/**
 * How a subgraph resolves references to one of its entity types. Either per
 * single-field key (`byKey`; the SDK groups, dedupes, batches and orders), or
 * one function for arbitrary (e.g. composite) keys that returns one value per
 * representation, in order.
 */
export type EntityResolver<TContext> =
  | {
      byKey: Readonly<Record<string, KeyFieldResolver<TContext>>>;
      /** @default 100 */
      maxBatchSize?: number;
      resolveReferences?: never;
    }
  | {
      resolveReferences: (
        representations: readonly Record<string, unknown>[],
        context: TContext,
      ) => Promise<ReadonlyArray<object | null | Error>>;
      /** @default 100 */
      maxBatchSize?: number;
      byKey?: never;
    };

type Representation = Record<string, unknown>;

/** @internal Creates the per-request loaders for every entity type. */
export function createEntityLoaders<TContext>(
  entities: Readonly<Record<string, EntityResolver<TContext>>>,
  context: TContext,
): Map<string, DataLoader<Representation, object | null, string>> {
  const loaders = new Map<string, DataLoader<Representation, object | null, string>>();
  for (const [typename, resolver] of Object.entries(entities)) {
    const batch = resolver.byKey
      ? (refs: readonly Representation[]) => resolveByKey(typename, resolver.byKey, refs, context)
      : (refs: readonly Representation[]) => resolver.resolveReferences(refs, context);
    loaders.set(
      typename,
      new DataLoader<Representation, object | null, string>(async (refs) => (await batch(refs)).map(unfreeze), {
        maxBatchSize: resolver.maxBatchSize ?? 100,
        cacheKeyFn: representationKey,
        name: `${typename}.__resolveReference`,
      }),
    );
  }
  return loaders;
}

async function resolveByKey<TContext>(
  typename: string,
  byKey: Readonly<Record<string, KeyFieldResolver<TContext>>>,
  refs: readonly Representation[],
  context: TContext,
): Promise<ReadonlyArray<object | null | Error>> {
  const fields = Object.keys(byKey);
  const wanted = new Map<string, Set<string>>();
  const fieldOfRef = refs.map((ref) => {
    const field = fields.find((name) => typeof ref[name] === 'string' || typeof ref[name] === 'number');
    if (field === undefined) return undefined;
    let keys = wanted.get(field);
    if (!keys) wanted.set(field, (keys = new Set()));
    keys.add(String(ref[field]));
    return field;
  });
  const found = new Map<string, Map<string, object>>();
  await Promise.all(
    [...wanted].map(async ([field, keys]) => {
      const resolver = byKey[field]!;
      const keyOf = resolver.keyOf ?? ((record: object) => String((record as Representation)[field]));
      const records = await resolver.load([...keys], context);
      const byValue = new Map<string, object>();
      for (const record of records) byValue.set(keyOf(record), record);
      found.set(field, byValue);
    }),
  );
  return refs.map((ref, index) => {
    const field = fieldOfRef[index];
    if (field === undefined) {
      return new Error(`${typename} reference has none of the key fields ${fields.join(', ')}`);
    }
    return found.get(field)?.get(String(ref[field])) ?? null;
  });
}

/**
 * `@apollo/subgraph` writes `__typename` onto each object `_entities`
 * returns; sources often hand out frozen records (snapshots of an export
 * file), so those are copied first.
 */
function unfreeze<T>(value: T): T {
  return value !== null && typeof value === 'object' && Object.isFrozen(value) && !(value instanceof Error) ? ({ ...value } as T) : value;
}

function representationKey(ref: Representation): string {
  return JSON.stringify(Object.keys(ref).sort().map((key) => [key, ref[key]]));
}
