/**
 * The answer a simulator route computes before the harness writes it, so the
 * harness can delay, replace (injected error) or truncate (injected malformed
 * body) it uniformly for every protocol.
 */

/** A complete HTTP answer. */
export interface SimulatorResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** The JSON media type every REST simulator answers with. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A JSON answer (compact, no trailing whitespace, so any truncation is invalid JSON). */
export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): SimulatorResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** One problem with one input field, listed in a JSON error's `details`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The REST simulators' error shape: `{ error: { code, message, details? } }`.
 * `code` is SCREAMING_SNAKE and stable; `message` is for humans.
 */
export function jsonError(
  status: number,
  code: string,
  message: string,
  details?: readonly FieldProblem[],
  headers: Readonly<Record<string, string>> = {},
): SimulatorResponse {
  const error = details && details.length > 0 ? { code, message, details } : { code, message };
  return jsonResponse(status, { error }, headers);
}

/** A plain-text answer (404s of unknown paths, health checks). */
export function textResponse(status: number, body: string, headers: Readonly<Record<string, string>> = {}): SimulatorResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}
