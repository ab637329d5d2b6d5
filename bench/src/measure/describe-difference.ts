/**
 * Names where a response first differs from the expected one (a JSON path
 * and both values, shortened), so a FAILING gateway's report says why.
 */

const MAX_VALUE_CHARS = 120;

/** `undefined` when deep-equal (JSON semantics: key order does not matter), else a one-line description. */
export function describeDifference(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (Object.is(actual, expected)) return undefined;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return mismatch(path, actual, expected);
    if (actual.length !== expected.length) return `${path}: ${actual.length} items, expected ${expected.length}`;
    for (let index = 0; index < expected.length; index += 1) {
      const difference = describeDifference(actual[index], expected[index], `${path}[${index}]`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  if (isObject(expected)) {
    if (!isObject(actual) || Array.isArray(actual)) return mismatch(path, actual, expected);
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) return `${path}.${key}: missing`;
      const difference = describeDifference(actual[key], expected[key], `${path}.${key}`);
      if (difference !== undefined) return difference;
    }
    const extra = Object.keys(actual).filter((key) => !(key in expected));
    return extra.length > 0 ? `${path}: unexpected ${extra.map((key) => `${key}=${shorten(actual[key])}`).join(', ')}` : undefined;
  }
  return mismatch(path, actual, expected);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function mismatch(path: string, actual: unknown, expected: unknown): string {
  return `${path}: got ${shorten(actual)}, expected ${shorten(expected)}`;
}

function shorten(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
