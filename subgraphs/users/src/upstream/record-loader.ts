import { createBatchLoader } from '@govgraph/sdk';
import { keyOfLoaded, type RejectedRecordError } from './rejected-record-error';

/** A per-request one-to-one loader (a DataLoader made by the SDK): a value or `null` per key. */
export type RecordLoader<V> = ReturnType<typeof createBatchLoader<string, V>>;

/** Options of {@link createRecordLoader}. */
export interface RecordLoaderOptions<T extends object> {
  /** For errors and logs, e.g. `'personByIdNumber'`. */
  readonly name: string;
  /** The key field of `T` the loader is keyed by. */
  readonly field: keyof T & string;
  /** One legacy call for many keys: the records found, malformed ones as {@link RejectedRecordError}s. */
  readonly batch: (keys: readonly string[]) => Promise<ReadonlyArray<T | RejectedRecordError>>;
  /** The legacy system's limit of keys per call. */
  readonly maxBatchSize: number;
  /** @default the key itself */
  readonly cacheKeyOf?: (key: string) => string;
}

/**
 * `createBatchLoader` over a batch that may return rejected records. DataLoader
 * rejects the load of a key whose value is an `Error`, so such a loader never
 * resolves to a rejected record: its results are records or `null`, and that
 * is the type it is given.
 */
export function createRecordLoader<T extends object>(options: RecordLoaderOptions<T>): RecordLoader<T> {
  const loader = createBatchLoader<string, T | RejectedRecordError>({
    name: options.name,
    batch: options.batch,
    keyOf: keyOfLoaded<T>(options.field),
    maxBatchSize: options.maxBatchSize,
    ...(options.cacheKeyOf ? { cacheKeyOf: options.cacheKeyOf } : {}),
  });
  return loader as unknown as RecordLoader<T>;
}
