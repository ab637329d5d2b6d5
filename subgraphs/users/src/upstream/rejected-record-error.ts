import { UpstreamDataError, type GovgraphErrorOptions } from '@govgraph/sdk';

/**
 * A record of a batch answer that cannot be mapped, kept under the keys it
 * carries (`{ id, idNumber }`, `{ creditCode }`). A batch loader returns it in
 * place of the record, and DataLoader rejects exactly the loads of those keys:
 * one malformed record fails its own field with `CONN_UPSTREAM_INVALID_RESPONSE`
 * and never the whole batch (STYLE.md §3).
 */
export class RejectedRecordError extends UpstreamDataError {
  /** The record's raw key values, by key field name; used only to place the error, never shown to a client. */
  readonly keys: Readonly<Record<string, string>>;

  constructor(message: string, keys: Readonly<Record<string, string>>, options?: GovgraphErrorOptions) {
    super(message, options);
    this.keys = Object.freeze({ ...keys });
  }
}

/**
 * The key value a loaded value answers for `field`: the record's own field, or
 * the raw key of a rejected record (`''`, which no load asks for, when it has none).
 */
export function keyOfLoaded<T extends object>(field: keyof T & string): (value: T | RejectedRecordError) => string {
  return (value) => (value instanceof RejectedRecordError ? (value.keys[field] ?? '') : String(value[field]));
}
