/**
 * Reads a whole HTTP response body without ever holding more than
 * `maxResponseBytes`: a legacy system that answers with gigabytes (or lies in
 * `content-length`) must fail one call, not the process. Written against the
 * shape of undici's `Dispatcher.ResponseData` so the SDK needs no undici.
 */
import { headerValue } from './header-value';
import { IncompleteResponseError, ResponseTooLargeError } from './transport-errors';

/** @internal The part of a response (undici's `Dispatcher.ResponseData`) that {@link readLimitedBody} reads. */
export interface LimitedBodyResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: AsyncIterable<unknown> & {
    on(event: 'error', listener: (error: Error) => void): unknown;
    destroy(): unknown;
  };
}

/**
 * @internal The body of `response` as one buffer.
 *
 * @throws ResponseTooLargeError when `content-length` or the bytes read exceed `limit` (the connection is dropped, not drained).
 * @throws IncompleteResponseError when the connection breaks while the body is read.
 */
export async function readLimitedBody(response: LimitedBodyResponse, limit: number, target: string): Promise<Buffer> {
  const declared = Number(headerValue(response.headers['content-length']));
  if (Number.isFinite(declared) && declared > limit) {
    discard(response.body);
    throw new ResponseTooLargeError(target, limit, declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limit) {
        discard(response.body);
        throw new ResponseTooLargeError(target, limit);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw error;
    throw new IncompleteResponseError(target, response.statusCode, error);
  }
  return Buffer.concat(chunks, size);
}

/** Drops a body we will not read; the socket is closed rather than drained. */
function discard(body: LimitedBodyResponse['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}
