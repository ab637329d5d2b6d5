/**
 * A small least-recently-used map (a `Map` keeps insertion order, so the
 * first key is the least recently used). Bounded, so documents sent once
 * cannot grow the gateway's memory.
 */

/** A bounded map that forgets the least recently used entry. */
export interface LruCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  readonly size: number;
}

/** Creates an LRU holding at most `maxEntries` (> 0). */
export function createLruCache<K, V>(maxEntries: number): LruCache<K, V> {
  if (!Number.isInteger(maxEntries) || maxEntries <= 0) throw new TypeError(`createLruCache: maxEntries must be a positive integer, got ${String(maxEntries)}`);
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as K);
    },
    get size() {
      return entries.size;
    },
  };
}
