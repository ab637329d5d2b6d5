/**
 * Transport failures of an HTTP exchange → the SDK's error taxonomy, the same
 * for every HTTP-based connector (REST, SOAP). What a *status* or a protocol
 * error body means differs per protocol and stays in each connector's mapping.
 *
 * Messages are safe for a client (source only); hosts and raw errors go in `cause`.
 */
import { BadGatewayError } from '../errors';
import { createUpstreamDataError } from './create-upstream-data-error';
import { describeTransportFailure } from './describe-transport-failure';
import { IncompleteResponseError, ResponseTooLargeError, TransportError } from './transport-errors';

/**
 * @internal Maps a failure of the exchange itself. Errors that are not transport
 * failures (programming mistakes) are returned unchanged, to be masked as internal.
 */
export function mapTransportFailure(source: string, error: unknown): unknown {
  if (error instanceof ResponseTooLargeError) return createUpstreamDataError(source, 'a response larger than allowed', undefined, error);
  if (error instanceof IncompleteResponseError) return createUpstreamDataError(source, 'an incomplete response', error.status, error);
  if (error instanceof TransportError) {
    if (error.code === 'UND_ERR_INVALID_ARG') return error.cause;
    return new BadGatewayError(`legacy system "${source}" is unreachable (${describeTransportFailure(error)})`, {
      cause: error,
      details: { source },
    });
  }
  return error;
}
