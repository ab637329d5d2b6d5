/**
 * What can go wrong between sending a request and holding its whole body,
 * as a connector's HTTP client reports it before `mapTransportFailure`
 * turns it into the SDK's taxonomy. Kept separate so the client never needs
 * the taxonomy and the mapping never needs undici.
 */

/** @internal The exchange failed at the network level (refused, reset, DNS, TLS, aborted). */
export class TransportError extends Error {
  /** The system or undici error code, e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`. */
  readonly code: string | undefined;

  constructor(target: string, cause: unknown) {
    const code = errorCode(cause);
    super(`${target}: ${cause instanceof Error ? cause.message : String(cause)}${code ? ` (${code})` : ''}`, { cause });
    this.name = 'TransportError';
    this.code = code;
  }
}

/** @internal The body exceeded `maxResponseBytes`; the connection was dropped. */
export class ResponseTooLargeError extends Error {
  constructor(target: string, limit: number, declared?: number) {
    super(`${target}: response body exceeds ${limit} bytes${declared === undefined ? '' : ` (content-length ${declared})`}`);
    this.name = 'ResponseTooLargeError';
  }
}

/** @internal The connection broke while the body was being read: the body is truncated. */
export class IncompleteResponseError extends Error {
  readonly status: number;

  constructor(target: string, status: number, cause: unknown) {
    super(`${target}: HTTP ${status} body cut off: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'IncompleteResponseError';
    this.status = status;
  }
}

/** Finds a code on an error, an AggregateError's first error (happy eyeballs) or its cause. */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (typeof record.code === 'string') return record.code;
  if (Array.isArray(record.errors)) return errorCode(record.errors[0]);
  return record.cause === undefined ? undefined : errorCode(record.cause);
}
