/**
 * The error a connector throws when a legacy system did not answer within the
 * source's `timeoutMs`. One wording for every protocol, so clients and alerts
 * see the same message whichever connector timed out.
 */
import { UpstreamTimeoutError } from '../errors';

/** @internal The call to `source` did not finish within `timeoutMs`; `cause` is logged only. */
export function createUpstreamTimeoutError(source: string, timeoutMs: number, cause: unknown): UpstreamTimeoutError {
  return new UpstreamTimeoutError(`legacy system "${source}" did not answer within ${timeoutMs} ms`, { cause, details: { source } });
}
