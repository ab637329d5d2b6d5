/**
 * Loader values that may be an error. A batch of rows is read one row at a
 * time: a row that cannot be read becomes an error in its own place, so it
 * fails only the fields that need that row, never the whole batch (the
 * dataloader contract).
 */
import { UpstreamDataError } from '@govgraph/sdk';

/** A row read into its GraphQL shape, or why it could not be. */
export type ReadResult<T> = T | UpstreamDataError;

/** Reads with `map`, turning its `UpstreamDataError` into a value. */
export function settle<T>(map: () => T): ReadResult<T> {
  try {
    return map();
  } catch (error) {
    if (error instanceof UpstreamDataError) return error;
    throw error;
  }
}

/** The value, or throws the error that took its place. */
export function unwrap<T>(result: ReadResult<T>): T {
  if (result instanceof UpstreamDataError) throw result;
  return result;
}
