import { UpstreamDataError } from '@govgraph/sdk';
import { RejectedRecordError } from './rejected-record-error';

/**
 * Maps every record of a batch answer on its own. A record that `map` refuses
 * with an `UpstreamDataError` becomes a {@link RejectedRecordError} under the
 * raw keys `keysOf` finds in it, so only the loads of those keys fail. A
 * refused record that carries no key at all cannot be placed: then the whole
 * answer is refused, because answering its key with `null` would be a wrong
 * "not found".
 */
export function mapBatchRecords<T>(
  records: readonly unknown[],
  map: (record: unknown) => T,
  keysOf: (record: unknown) => Readonly<Record<string, string>>,
): Array<T | RejectedRecordError> {
  return records.map((record) => {
    try {
      return map(record);
    } catch (error) {
      if (!(error instanceof UpstreamDataError)) throw error;
      const keys = keysOf(record);
      if (Object.keys(keys).length === 0) throw error;
      return new RejectedRecordError(error.message, keys, { cause: error.cause ?? error, ...(error.details ? { details: { ...error.details } } : {}) });
    }
  });
}
