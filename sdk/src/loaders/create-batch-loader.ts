/**
 * Batch loaders for one-to-one look-ups (a person by ID number, a service by
 * item code). Legacy systems answer batch calls with the records they found,
 * in any order; DataLoader needs one value per key, in key order. This does
 * that mapping once, correctly, so no department writes it again.
 *
 * Loaders are created for each request (see `createSubgraph({ loaders })`):
 * a cache must never be shared between callers that hold different grants
 * (the warning in dataloader's `index.d.ts`).
 */
import DataLoader from 'dataloader';
import { NotFoundError } from '../errors';

/** Options of {@link createBatchLoader}. */
export interface BatchLoaderOptions<K, V> {
  /** A name for errors and logs, e.g. `'personByIdNumber'`. */
  name: string;
  /** One call to the legacy system for many keys. Returns the records found, in any order, possibly fewer. */
  batch: (keys: readonly K[]) => Promise<readonly V[]>;
  /** The key a returned record answers. */
  keyOf: (value: V) => K;
  /**
   * The most keys sent in one batch call: the legacy system's limit.
   * @default 100
   */
  maxBatchSize?: number;
  /**
   * What a key with no record becomes: `null` (a GraphQL null) or a `NotFoundError` for that key only.
   * @default 'null'
   */
  missing?: 'null' | 'error';
  /** Maps a key to a cache key (e.g. upper-casing an ID number). @default String(key) */
  cacheKeyOf?: (key: K) => string;
}

/** Creates a per-request DataLoader for one-to-one look-ups; see {@link BatchLoaderOptions}. */
export function createBatchLoader<K, V>(options: BatchLoaderOptions<K, V>): DataLoader<K, V | null, string> {
  const { name, batch, keyOf, maxBatchSize = 100, missing = 'null' } = options;
  const cacheKeyOf = options.cacheKeyOf ?? ((key: K) => String(key));
  assertBatchSize(name, maxBatchSize);
  return new DataLoader<K, V | null, string>(
    async (keys) => {
      const found = await batch(keys);
      const byKey = new Map<string, V>();
      for (const value of found) byKey.set(cacheKeyOf(keyOf(value)), value);
      return keys.map((key) => {
        const value = byKey.get(cacheKeyOf(key));
        if (value !== undefined) return value;
        return missing === 'null' ? null : new NotFoundError(`${name}: no record for key "${String(key)}"`);
      });
    },
    { maxBatchSize, cacheKeyFn: cacheKeyOf, name },
  );
}

/** Options of {@link createGroupedLoader}. */
export interface GroupedLoaderOptions<K, V> {
  /** A name for errors and logs, e.g. `'licencesByHolder'`. */
  name: string;
  /** One call for many parent keys; returns every child record of all of them, in any order. */
  batch: (keys: readonly K[]) => Promise<readonly V[]>;
  /** The parent key a child record belongs to. */
  groupOf: (value: V) => K;
  /** @default 100 */
  maxBatchSize?: number;
  /** @default String(key) */
  cacheKeyOf?: (key: K) => string;
}

/**
 * Creates a per-request DataLoader for one-to-many look-ups (licences of a
 * holder, cases of an applicant): each key gets the list of its children,
 * empty when it has none, in the order the legacy system returned them.
 */
export function createGroupedLoader<K, V>(options: GroupedLoaderOptions<K, V>): DataLoader<K, V[], string> {
  const { name, batch, groupOf, maxBatchSize = 100 } = options;
  const cacheKeyOf = options.cacheKeyOf ?? ((key: K) => String(key));
  assertBatchSize(name, maxBatchSize);
  return new DataLoader<K, V[], string>(
    async (keys) => {
      const found = await batch(keys);
      const groups = new Map<string, V[]>();
      for (const value of found) {
        const group = cacheKeyOf(groupOf(value));
        const list = groups.get(group);
        if (list) list.push(value);
        else groups.set(group, [value]);
      }
      return keys.map((key) => groups.get(cacheKeyOf(key)) ?? []);
    },
    { maxBatchSize, cacheKeyFn: cacheKeyOf, name },
  );
}

function assertBatchSize(name: string, maxBatchSize: number): void {
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new TypeError(`${name}: maxBatchSize must be a positive integer, got ${String(maxBatchSize)}`);
  }
}
