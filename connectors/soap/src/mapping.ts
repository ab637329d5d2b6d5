/**
 * SOAP Faults, HTTP statuses and transport failures → the SDK's error taxonomy.
 *
 * In SOAP the meaning is in the Fault: a `Client` fault is the caller's
 * mistake (`BadRequestError`), a `Server` fault the legacy system's
 * (`BadGatewayError`). An HTTP error without a Fault (a proxy's 502 page, a
 * wrong endpoint's 404, 401 for our credentials) is an integration problem,
 * never the client's, so it is a `BadGatewayError` whatever the status.
 *
 * Messages are safe for a client (source and status only); faultstrings,
 * hosts and bodies go in `cause`. Every error carries
 * `details: { source, status?, upstreamCode? }`.
 */
import { BadGatewayError, BadRequestError, UpstreamDataError, UpstreamTimeoutError, type GovgraphError } from '@govgraph/sdk';
import type { SoapFault } from './soap-version';
import { IncompleteResponseError, ResponseTooLargeError, TransportError } from './transport-errors';

/** @internal Maps a Fault found in a response of HTTP `status`. */
export function mapFault(source: string, fault: SoapFault, status: number, target: string): GovgraphError {
  const options = {
    cause: new Error(`SOAP fault ${fault.code || '(no faultcode)'} from ${target} (HTTP ${status}): ${fault.reason}`),
    details: { source, status, ...(fault.upstreamCode === undefined ? {} : { upstreamCode: fault.upstreamCode }) },
  };
  const system = `legacy system "${source}"`;
  switch (fault.kind) {
    case 'client':
      return new BadRequestError(`${system} rejected the request (SOAP client fault)`, options);
    case 'server':
      return new BadGatewayError(`${system} failed (SOAP server fault)`, options);
    default:
      return new BadGatewayError(`${system} answered with a SOAP fault`, options);
  }
}

/** @internal Maps an HTTP answer that is not a 200 and holds no readable Fault. */
export function mapHttpStatus(source: string, status: number, cause: Error): GovgraphError {
  const options = { cause, details: { source, status } };
  const system = `legacy system "${source}"`;
  if (status === 401 || status === 403) return new BadGatewayError(`${system} refused the gateway's credentials (HTTP ${status})`, options);
  if (status === 429) return new BadGatewayError(`${system} is throttling calls (HTTP 429)`, options);
  if (status >= 500) return new BadGatewayError(`${system} failed (HTTP ${status})`, options);
  return new BadGatewayError(`${system} answered with an unexpected status (HTTP ${status})`, options);
}

/** @internal The call did not finish within `timeoutMs`. */
export function timeoutError(source: string, timeoutMs: number, cause: unknown): UpstreamTimeoutError {
  return new UpstreamTimeoutError(`legacy system "${source}" did not answer within ${timeoutMs} ms`, { cause, details: { source } });
}

/** @internal An answer that cannot be read (malformed or refused XML, bad charset, wrong element). */
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
