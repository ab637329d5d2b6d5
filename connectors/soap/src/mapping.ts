/**
 * SOAP Faults and HTTP statuses → the SDK's error taxonomy. Transport
 * failures, timeouts and unreadable bodies are mapped by the SDK's connector
 * kit (`mapTransportFailure`, `createUpstreamTimeoutError`, `createUpstreamDataError`).
 *
 * In SOAP the meaning is in the Fault: a `Client` fault is the caller's
 * mistake (`BadRequestError`), a `Server` fault the legacy system's
 * (`BadGatewayError`), and so is a WS-Security fault (`wsse:FailedAuthentication`:
 * the gateway's credentials are wrong). An HTTP error without a Fault (a proxy's 502 page, a
 * wrong endpoint's 404, 401 for our credentials) is an integration problem,
 * never the client's, so it is a `BadGatewayError` whatever the status.
 *
 * Messages are safe for a client (source and status only); faultstrings,
 * hosts and bodies go in `cause`. Every error carries
 * `details: { source, status?, upstreamCode? }`.
 */
import { BadGatewayError, BadRequestError, type GovgraphError } from '@govgraph/sdk';
import type { SoapFault } from './soap-version';

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
    case 'security':
      // Our WS-Security header (credentials, nonce, timestamp) was refused: an integration problem, not the client's.
      return new BadGatewayError(`${system} refused the gateway's WS-Security credentials (SOAP fault)`, options);
    default:
      return new BadGatewayError(`${system} answered with a SOAP fault`, options);
  }
}

/** @internal Maps an HTTP answer that is not a 200 and holds no readable Fault. */
export function mapHttpStatus(source: string, status: number, cause: Error, retryAfterMs?: number): GovgraphError {
  // `retryAfterMs`: the wait a 429's or 503's `Retry-After` asks for; retries of idempotent operations honour it.
  const options = { cause, details: { source, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } };
  const system = `legacy system "${source}"`;
  if (status === 401 || status === 403) return new BadGatewayError(`${system} refused the gateway's credentials (HTTP ${status})`, options);
  if (status === 429) return new BadGatewayError(`${system} is throttling calls (HTTP 429)`, options);
  if (status >= 500) return new BadGatewayError(`${system} failed (HTTP ${status})`, options);
  return new BadGatewayError(`${system} answered with an unexpected status (HTTP ${status})`, options);
}
