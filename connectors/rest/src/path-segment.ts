/**
 * Percent-encodes one path segment, for building `request({ path })` from
 * values that came from a client (case numbers, credit codes). `request`
 * sends `path` as given, so every caller-controlled part must go through here:
 * otherwise `a/b`, `?` or `#` in an argument would change which resource the
 * legacy system serves.
 */
import { BadRequestError } from '@govgraph/sdk';

/**
 * Encodes `value` as a single path segment (RFC 3986 `segment`): every
 * character but the unreserved ones is percent-encoded as UTF-8, including
 * `/`, `?`, `#`, `!'()*`.
 *
 * @example `/cases/${pathSegment(caseNo)}/history`
 * @throws BadRequestError for `''`, `'.'` and `'..'` (they would change the path's meaning) and for
 *   strings that are not valid Unicode.
 */
export function pathSegment(value: string | number): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new BadRequestError(`a path segment may not be empty, "." or ".." (got "${text}")`);
  }
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch (error) {
    throw new BadRequestError('a path segment contains an invalid character', { cause: error });
  }
  return encoded.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
