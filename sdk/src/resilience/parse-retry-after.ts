/**
 * `Retry-After` (RFC 9110 §10.2.3): a throttled (429) or unavailable (503)
 * legacy system says when to come back, in seconds or as an HTTP date.
 * Connectors put the wait in the error's `details.retryAfterMs`; the retry
 * backoff waits that long (capped by the manifest's `retry.maxRetryAfterMs`)
 * instead of its own guess.
 */

/**
 * The wait a `Retry-After` header value asks for, in milliseconds (0 for a
 * date in the past), or `undefined` for a missing or unreadable value.
 */
export function parseRetryAfter(value: string | readonly string[] | undefined, now: number = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }
  // IMF-fixdate, or the obsolete RFC 850 / asctime forms Date.parse also reads; a date needs a weekday or GMT.
  if (!/GMT$|^[A-Z][a-z]{2}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** @internal The `retryAfterMs` a taxonomy error carries in its details, if any. */
export function retryAfterMsOf(error: unknown): number | undefined {
  const details = (error as { details?: Readonly<Record<string, unknown>> } | null)?.details;
  const value = details?.['retryAfterMs'];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
