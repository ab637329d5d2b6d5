import type { z } from 'zod';
import { staticHeadersOption } from '../static-headers-option';

/** A bad key comes as zod's `invalid_key` issue with our message inside. */
function messageOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : issue.message;
}

describe('staticHeadersOption', () => {
  it('lower-cases names and freezes the result', () => {
    const headers = staticHeadersOption().parse({ 'X-Api-Key': 'k-1', Authorization: 'Bearer t' });
    expect(headers).toEqual({ 'x-api-key': 'k-1', authorization: 'Bearer t' });
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('reports every bad name and value at once', () => {
    const result = staticHeadersOption().safeParse({ 'bad name': 'v', Host: 'h', 'X-Request-Id': 'r', 'x-ok': 'a\r\nx-injected: 1', 'x-num': 1 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), messageOf(issue)])).toEqual([
      ['bad name', 'is not a valid header name'],
      ['Host', 'is set by the source itself'],
      ['X-Request-Id', 'is set by the source itself'],
      ['x-ok', 'must not contain line breaks or control characters'],
      ['x-num', 'must be a string'],
    ]);
  });

  it('reserves the names a connector gives besides the framing ones, in any case', () => {
    expect(messageOf(staticHeadersOption(['SOAPAction']).safeParse({ soapaction: 'urn:x' }).error!.issues[0]!)).toBe('is set by the source itself');
    expect(staticHeadersOption().parse({ soapaction: 'urn:x' })).toEqual({ soapaction: 'urn:x' });
  });
});
