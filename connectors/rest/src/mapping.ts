/**
 * Legacy HTTP statuses and transport failures → the SDK's error taxonomy.
 *
 * Messages are safe for a client: they name the legacy system and the status,
 * never its host, URL or raw body; those go in `cause` (logged only). Every
 * error carries `details: { source, status?, upstreamCode? }` so a subgraph
 * can turn the legacy system's own code (e.g. `TRANSITION_NOT_ALLOWED`) into
 * a precise message.
 */
import {
  BadGatewayError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  UnprocessableContentError,
  UpstreamDataError,
  UpstreamTimeoutError,
  type GovgraphError,
} from '@govgraph/sdk';
import { IncompleteResponseError, ResponseTooLargeError, TransportError } from './transport-errors';

/** @internal What is known of a failed answer. */
export interface StatusFailure {
  readonly source: string;
  readonly status: number;
  readonly upstreamCode?: string | undefined;
  readonly cause: Error;
}

/** @internal Maps a non-2xx status. */
export function mapHttpStatus({ source, status, upstreamCode, cause }: StatusFailure): GovgraphError {
  const options = { cause, details: { source, status, ...(upstreamCode === undefined ? {} : { upstreamCode }) } };
  const system = `legacy system "${source}"`;
  switch (status) {
    case 400:
      return new BadRequestError(`${system} rejected the request as invalid (HTTP 400)`, options);
    case 404:
    case 410:
      return new NotFoundError(`${system} has no such record (HTTP ${status})`, options);
    case 409:
      return new ConflictError(`${system} reported a conflict with the current state (HTTP 409)`, options);
    case 422:
      return new UnprocessableContentError(`${system} refused the request under its business rules (HTTP 422)`, options);
    case 401:
    case 403:
      return new BadGatewayError(`${system} refused the gateway's credentials (HTTP ${status})`, options);
    case 429:
      return new BadGatewayError(`${system} is throttling calls (HTTP 429)`, options);
    default:
      return status >= 500
        ? new BadGatewayError(`${system} failed (HTTP ${status})`, options)
        : new BadGatewayError(`${system} answered with an unexpected status (HTTP ${status})`, options);
  }
}

/** @internal The call did not finish within `timeoutMs`. */
export function timeoutError(source: string, timeoutMs: number, cause: unknown): UpstreamTimeoutError {
  return new UpstreamTimeoutError(`legacy system "${source}" did not answer within ${timeoutMs} ms`, { cause, details: { source } });
}

/** @internal A 2xx body that cannot be read (invalid JSON, bad charset, unexpected shape). */
export function dataError(source: string, what: string, status: number | undefined, cause: unknown): UpstreamDataError {
  return new UpstreamDataError(`legacy system "${source}" answered with ${what}`, {
    cause,
    details: { source, ...(status === undefined ? {} : { status }) },
  });
}

/**
 * @internal Maps a failure of the exchange itself. Errors that are not transport
 * failures (programming mistakes) are returned unchanged, to be masked as internal.
 */
export function mapTransportFailure(source: string, error: unknown): unknown {
  if (error instanceof ResponseTooLargeError) return dataError(source, 'a response larger than allowed', undefined, error);
  if (error instanceof IncompleteResponseError) return dataError(source, 'an incomplete response', error.status, error);
  if (error instanceof TransportError) {
    if (error.code === 'UND_ERR_INVALID_ARG') return error.cause;
    return new BadGatewayError(`legacy system "${source}" is unreachable (${describeTransportFailure(error)})`, {
      cause: error,
      details: { source },
    });
  }
  return error;
}

/** @internal A short, safe reason for a transport failure (no host names): used in messages and health details. */
export function describeTransportFailure(error: unknown): string {
  const code = error instanceof TransportError ? error.code : undefined;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not resolved';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'network unreachable';
    default:
      return code?.startsWith('ERR_TLS') || code?.includes('CERT') ? 'TLS failure' : 'network error';
  }
}

const UPSTREAM_CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * @internal The legacy system's machine error code from a JSON error body:
 * `{ "error": { "code": … } }` or `{ "code": … }`. Only short plain codes are
 * kept, since they are shown to clients in `details.upstreamCode`.
 */
export function extractUpstreamCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { error?: unknown; code?: unknown };
  const nested = typeof record.error === 'object' && record.error !== null ? (record.error as { code?: unknown }).code : undefined;
  for (const candidate of [nested, record.code]) {
    const text = typeof candidate === 'number' && Number.isInteger(candidate) ? String(candidate) : candidate;
    if (typeof text === 'string' && UPSTREAM_CODE.test(text)) return text;
  }
  return undefined;
}
