/**
 * Request-body parsing shared by the REST simulators: JSON only, UTF-8,
 * answered with the same error codes everywhere.
 */
import type { SimulatorRequest } from './start-http-simulator';
import { jsonError, type SimulatorResponse } from './simulator-response';

/** The parsed body, or the 4xx answer to send instead. */
export type JsonBodyResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly response: SimulatorResponse };

/**
 * Requires `Content-Type: application/json` (415 `UNSUPPORTED_MEDIA_TYPE`
 * otherwise) and a well-formed JSON body (400 `INVALID_JSON`).
 */
export function readJsonBody(request: SimulatorRequest): JsonBodyResult {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
    return { ok: false, response: jsonError(415, 'UNSUPPORTED_MEDIA_TYPE', `expected Content-Type application/json, got ${JSON.stringify(mediaType || null)}`) };
  }
  try {
    return { ok: true, value: JSON.parse(request.body.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, response: jsonError(400, 'INVALID_JSON', `request body is not valid JSON: ${(error as Error).message}`) };
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
