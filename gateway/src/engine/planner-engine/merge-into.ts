/**
 * Merges a subgraph's answer into the result tree in place: objects are
 * merged key by key, lists of equal length element by element, anything else
 * is taken as it is (by reference, never copied). The semantics are those of
 * @apollo/gateway's `deepMerge`, without its per-key `defineOwn` dance: a key
 * that names a property of `Object.prototype` is defined as an own property,
 * so `__proto__` or `constructor` in subgraph data can never reach a prototype.
 */

/** Merges `source` into `target` (both result-tree objects); returns `target`. */
export function mergeInto(target: Record<string, unknown>, source: unknown): Record<string, unknown> {
  if (source === null || source === undefined) return target;
  const from = source as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const value = from[key];
    if (value === undefined) continue;
    const existing = key in OBJECT_PROTOTYPE ? ownValue(target, key) : target[key];
    if (existing && isPlainObject(value)) {
      if (isPlainObject(existing)) mergeInto(existing, value);
      else setValue(target, key, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let index = 0; index < value.length; index += 1) {
        const into: unknown = existing[index];
        const element: unknown = value[index];
        if (isPlainObject(into) && isPlainObject(element)) mergeInto(into, element);
        else existing[index] = element;
      }
    } else {
      setValue(target, key, value);
    }
  }
  return target;
}

const OBJECT_PROTOTYPE: object = Object.prototype;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(target: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

function setValue(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in OBJECT_PROTOTYPE) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
