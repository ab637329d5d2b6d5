/**
 * Turns a whole HTTP answer into the call's result: the parsed JSON of a 2xx
 * (checked by the caller's schema, if any) or the taxonomy error of any other
 * status, with the legacy system's own error code when its body has one.
 */
import { charsetOf, createUpstreamDataError, decodeText, parseRetryAfter, type GovgraphError } from '@govgraph/sdk';
import type { RawResponse } from './client';
import { extractUpstreamCode, mapHttpStatus } from './mapping';
import type { ResponseSchema } from './rest-source';

const EXCERPT_CHARS = 512;

/** @internal Resolves a 2xx to its value; throws the mapped error otherwise. */
export function readResponse<T>(source: string, response: RawResponse, schema: ResponseSchema<T> | undefined): T {
  const { status } = response;
  if (status < 200 || status > 299) throw statusError(source, response);

  let value: unknown;
  if (status !== 204 && status !== 205 && response.body.length > 0) {
    let text: string;
    try {
      text = decodeText(response.body, charsetOf(response.contentType));
    } catch (error) {
      throw createUpstreamDataError(source, 'a body in an unreadable character encoding', status, causeOf(response, error));
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw createUpstreamDataError(source, 'invalid JSON', status, causeOf(response, error, text));
    }
  }
  if (!schema) return value as T;
  try {
    return schema.parse(value);
  } catch (error) {
    throw createUpstreamDataError(source, 'data of an unexpected shape', status, causeOf(response, error));
  }
}

function statusError(source: string, response: RawResponse): GovgraphError {
  let text = '';
  let upstreamCode: string | undefined;
  try {
    text = decodeText(response.body, charsetOf(response.contentType));
    upstreamCode = extractUpstreamCode(JSON.parse(text));
  } catch {
    // An error page that is not JSON carries no code; the status says enough.
  }
  const cause = new Error(`${response.target} answered HTTP ${response.status}: ${excerpt(text)}`);
  const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.retryAfter) : undefined;
  return mapHttpStatus({ source, status: response.status, upstreamCode, retryAfterMs, cause });
}

function causeOf(response: RawResponse, error: unknown, text?: string): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`${response.target} answered HTTP ${response.status} that cannot be read: ${reason}${text === undefined ? '' : `; body: ${excerpt(text)}`}`, {
    cause: error,
  });
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}… (${text.length} chars)` : text;
}
