import { Readable } from 'node:stream';
import { headerValue } from '../header-value';
import { readLimitedBody, type LimitedBodyResponse } from '../read-limited-body';
import { IncompleteResponseError, ResponseTooLargeError } from '../transport-errors';

function response(chunks: Iterable<Buffer> | Readable, headers: Record<string, string | string[]> = {}): LimitedBodyResponse & { body: Readable } {
  return { statusCode: 200, headers, body: chunks instanceof Readable ? chunks : Readable.from(chunks) };
}

describe('readLimitedBody', () => {
  it('returns the whole body when it stays within the limit', async () => {
    const body = await readLimitedBody(response([Buffer.from('证照'), Buffer.from('-ok')]), 9, 'GET http://legacy.test/x');
    expect(body.toString('utf8')).toBe('证照-ok');
  });

  it('refuses a declared content-length over the limit before reading, and drops the body', async () => {
    const res = response([Buffer.from('x')], { 'content-length': '11' });
    const error = await readLimitedBody(res, 10, 'GET http://legacy.test/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toBe('GET http://legacy.test/x: response body exceeds 10 bytes (content-length 11)');
    expect(res.body.destroyed).toBe(true);
  });

  it('stops at the first chunk that goes over the limit when no length was declared', async () => {
    let pulled = 0;
    const res = response(
      (function* () {
        for (let i = 0; i < 100; i += 1) {
          pulled += 1;
          yield Buffer.alloc(4);
        }
      })(),
    );
    const error = await readLimitedBody(res, 10, 'GET http://legacy.test/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toBe('GET http://legacy.test/x: response body exceeds 10 bytes');
    expect(pulled).toBeLessThan(10);
    expect(res.body.destroyed).toBe(true);
  });

  it('reports a body cut off mid-read as IncompleteResponseError with the status', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.from('part'));
        this.destroy(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));
      },
    });
    const error = await readLimitedBody({ ...response(broken), statusCode: 502 }, 100, 'POST http://legacy.test/ws').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteResponseError);
    expect((error as IncompleteResponseError).status).toBe(502);
    expect((error as Error).message).toBe('POST http://legacy.test/ws: HTTP 502 body cut off: other side closed');
  });
});

describe('headerValue', () => {
  it('gives the first of a repeated header, the value of a single one, and undefined for none', () => {
    expect(headerValue(['text/xml', 'text/plain'])).toBe('text/xml');
    expect(headerValue('120')).toBe('120');
    expect(headerValue(undefined)).toBeUndefined();
  });
});
