/**
 * A deep copy of a parsed JSON value (objects, arrays, strings, numbers,
 * booleans, null). The engine merges subgraph answers into the result tree by
 * reference and rewrites them in place, so a subgraph answer shared by
 * several requests (in-flight merging) must reach each one as its own copy.
 * A key that names a property of `Object.prototype` (`__proto__` from
 * `JSON.parse`) is copied as an own property, never onto a prototype.
 */

/** Copies `value`, which must be a JSON value (no cycles, no class instances). */
export function cloneJson<T>(value: T): T {
  return copy(value) as T;
}

const OBJECT_PROTOTYPE: object = Object.prototype;

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) out[index] = copy(value[index]);
    return out;
  }
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const inner = copy(from[key]);
    if (key in OBJECT_PROTOTYPE) Object.defineProperty(out, key, { value: inner, enumerable: true, writable: true, configurable: true });
    else out[key] = inner;
  }
  return out;
}
