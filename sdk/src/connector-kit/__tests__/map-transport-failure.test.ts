import { BadGatewayError, UpstreamDataError } from '../../errors';
import { describeTransportFailure } from '../describe-transport-failure';
import { mapTransportFailure } from '../map-transport-failure';
import { IncompleteResponseError, ResponseTooLargeError, TransportError } from '../transport-errors';

const withCode = (code: string): Error => Object.assign(new Error(`connect ${code} 10.0.0.7:8080`), { code });

describe('mapTransportFailure', () => {
  it('maps a network failure to BadGatewayError without the host in the message', () => {
    const cause = new TransportError('http://10.0.0.7:8080/x', withCode('ECONNREFUSED'));
    const error = mapTransportFailure('hr', cause);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as BadGatewayError).message).toBe('legacy system "hr" is unreachable (connection refused)');
    expect((error as BadGatewayError).message).not.toContain('10.0.0.7');
    expect((error as BadGatewayError).details).toEqual({ source: 'hr' });
    expect((error as BadGatewayError).cause).toBe(cause);
  });

  it('maps oversized and truncated bodies to UpstreamDataError', () => {
    const tooLarge = mapTransportFailure('hr', new ResponseTooLargeError('t', 10, 99));
    expect(tooLarge).toBeInstanceOf(UpstreamDataError);
    expect((tooLarge as UpstreamDataError).message).toBe('legacy system "hr" answered with a response larger than allowed');
    const cut = mapTransportFailure('hr', new IncompleteResponseError('t', 200, new Error('socket closed')));
    expect((cut as UpstreamDataError).details).toEqual({ source: 'hr', status: 200 });
  });

  it('returns an invalid-argument cause and non-transport errors unchanged', () => {
    const bug = new TypeError('bad header');
    expect(mapTransportFailure('hr', new TransportError('t', Object.assign(bug, { code: 'UND_ERR_INVALID_ARG' })))).toBe(bug);
    const other = new Error('programming mistake');
    expect(mapTransportFailure('hr', other)).toBe(other);
  });
});

describe('describeTransportFailure', () => {
  it.each([
    ['ECONNRESET', 'connection reset'],
    ['ENOTFOUND', 'host name not resolved'],
    ['UND_ERR_CONNECT_TIMEOUT', 'connection timed out'],
    ['ENETUNREACH', 'network unreachable'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS failure'],
    ['EWHATEVER', 'network error'],
  ])('describes %s as %s', (code, text) => {
    expect(describeTransportFailure(new TransportError('t', withCode(code)))).toBe(text);
  });

  it('finds the code of an AggregateError (happy eyeballs) and ignores non-transport errors', () => {
    const aggregate = new AggregateError([withCode('ECONNREFUSED')], 'all failed');
    expect(describeTransportFailure(new TransportError('t', aggregate))).toBe('connection refused');
    expect(describeTransportFailure(withCode('ECONNREFUSED'))).toBe('network error');
  });
});
