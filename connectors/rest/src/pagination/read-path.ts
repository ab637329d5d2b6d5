/**
 * Reads a value at a dot path (`'data.records'`) of a parsed JSON answer,
 * the way paging options point into legacy envelopes. Only own properties of
 * plain objects are followed, so `'__proto__'` or `'constructor'` read nothing.
 */

/** @internal The value at `path` (`''` is the value itself), or `undefined`. */
export function readPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
