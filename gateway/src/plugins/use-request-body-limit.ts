/**
 * `limits.maxRequestBytes`, enforced without a stream per request.
 *
 * graphql-yoga's own limit (`maxRequestBodySize`) pipes every request body
 * through a `TransformStream` that counts its bytes, even when the
 * `Content-Length` header already says how long the body is; Node's
 * `stream.pipeline` then creates an `AbortController` per request and aborts
 * it when the body ends, and that builds a `DOMException` with its stack: about
 * 2 % of the gateway's CPU on the public benchmark (bench/README.md, "Update
 * 2026-11-28, second session"). node:http's HTTP/1.x parser delivers exactly
 * `Content-Length` bytes of body (and refuses a request with both
 * `Content-Length` and `Transfer-Encoding`), so for a request that came
 * through it with that header, checking the header is the whole check. A
 * chunked request, or one handed to `yoga.fetch` directly, still has its
 * bytes counted as they arrive.
 * The errors are the catalogue's (and yoga's): 413 `REQUEST_ENTITY_TOO_LARGE`,
 * 400 `BAD_REQUEST` for a `Content-Length` that is not one non-negative integer. Yoga's own
 * limit must be off (`maxRequestBodySize: false`).
 */
import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { GW_ERRORS } from '../errors';

const CONTENT_LENGTH = /^\d+$/;

const tooLarge = (): Error => GW_ERRORS.REQUEST_ENTITY_TOO_LARGE.err('Request body too large');
const invalidContentLength = (): Error => GW_ERRORS.BAD_REQUEST.err('Content-Length header is invalid.');

/** The body of `request`, failing with 413 once more than `limit` bytes have arrived. */
function countedBody(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body;
  if (!body) return request;
  // A native ReadableStream needs the native TransformStream (graphql-yoga#4583), a ponyfill one the ponyfill's.
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const counted = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    duplex: 'half',
  } as RequestInit);
}

/** Whether the request came through node:http's HTTP/1.x parser (not `yoga.fetch`, not an HTTP/2 compatibility request). */
function isNodeHttp1Request(serverContext: unknown): boolean {
  const req = (serverContext as { req?: Partial<IncomingMessage> } | undefined)?.req;
  return req?.httpVersionMajor === 1 && req.socket !== undefined;
}

/** Refuses request bodies over `limit` bytes (see the module). */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      const contentLength = request.headers.get('content-length');
      if (contentLength !== null) {
        if (!CONTENT_LENGTH.test(contentLength)) throw invalidContentLength();
        if (Number(contentLength) > limit) throw tooLarge();
        if (isNodeHttp1Request(serverContext)) return;
      }
      if (requestParser === undefined || request.body === null) return;
      setRequestParser((parsed) => requestParser(countedBody(parsed, limit, fetchAPI)));
    },
  };
}
