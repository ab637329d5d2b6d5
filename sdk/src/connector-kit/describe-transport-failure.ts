/**
 * A short reason for a network failure that is safe to show (no host names,
 * no addresses), used in error messages and in health-check details.
 */
import { TransportError } from './transport-errors';

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
