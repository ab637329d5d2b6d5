import { BadGatewayError } from '../../errors';
import { parseRetryAfter, retryAfterMsOf } from '../parse-retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-05T08:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it, 0 once it has passed', () => {
    expect(parseRetryAfter('Mon, 05 Jan 2026 08:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 05 Jan 2026 07:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    for (const value of [undefined, '', '-1', '1.5', 'soon', '2026-01-05']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });
});

describe('retryAfterMsOf', () => {
  it('reads details.retryAfterMs of a taxonomy error', () => {
    expect(retryAfterMsOf(new BadGatewayError('x', { details: { source: 's', status: 429, retryAfterMs: 1500 } }))).toBe(1500);
    expect(retryAfterMsOf(new BadGatewayError('x', { details: { source: 's' } }))).toBeUndefined();
    expect(retryAfterMsOf(new Error('x'))).toBeUndefined();
  });
});
