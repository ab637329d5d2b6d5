/**
 * Splits keys into lists of at most `size`: the legacy registries refuse more
 * than 100 keys per batch call (`TOO_MANY_KEYS`). Loaders already cap their
 * batches; this keeps every call within the limit whoever calls.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
