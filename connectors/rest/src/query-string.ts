/**
 * Encodes a `query` object for a REST call. Each key and value is
 * percent-encoded as UTF-8 (`encodeURIComponent`, so a space is `%20`, never
 * a `+` that some legacy servers keep literally); arrays become repeated
 * keys; `undefined` and `null` are left out, so optional filters can be
 * passed straight from GraphQL arguments.
 */
import { BadRequestError } from '@govgraph/sdk';

/** One query value. */
export type RestQueryValue = string | number | boolean | bigint | null | undefined;

/** Query parameters of a call: a value or a list (repeated key) per name. */
export type RestQuery = Readonly<Record<string, RestQueryValue | readonly RestQueryValue[]>>;

/** @internal Returns `''` or `'?a=1&b=x%20y'`. */
export function encodeQuery(query: RestQuery | undefined): string {
  if (!query) return '';
  const pairs: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    const values: readonly RestQueryValue[] = Array.isArray(raw) ? raw : [raw as RestQueryValue];
    for (const value of values) {
      if (value === undefined || value === null) continue;
      pairs.push(`${encodeComponent(key, key)}=${encodeComponent(formatValue(key, value), key)}`);
    }
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function formatValue(key: string, value: string | number | boolean | bigint): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`query parameter "${key}" is ${value}; pass a finite number`);
  }
  return String(value);
}

function encodeComponent(text: string, key: string): string {
  try {
    return encodeURIComponent(text);
  } catch (error) {
    throw new BadRequestError(`query parameter "${key}" contains an invalid character`, { cause: error });
  }
}
