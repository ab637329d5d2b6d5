/**
 * The error a connector throws when a legacy system's answer cannot be read
 * (invalid JSON or XML, a bad charset, an unexpected shape, a truncated or
 * oversized body). The message names only the source and what was wrong,
 * never the body; that goes in `cause`, which is logged only.
 */
import { UpstreamDataError } from '../errors';

/**
 * @internal An answer of `source` that cannot be read. `what` completes
 * "answered with …" (e.g. `'invalid JSON'`); `status` is the HTTP status, if known.
 */
export function createUpstreamDataError(source: string, what: string, status: number | undefined, cause: unknown): UpstreamDataError {
  return new UpstreamDataError(`legacy system "${source}" answered with ${what}`, {
    cause,
    details: { source, ...(status === undefined ? {} : { status }) },
  });
}
