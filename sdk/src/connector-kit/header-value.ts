/**
 * Node (and undici) give a response header as a string, an array when the
 * header was repeated, or undefined; connectors only ever want one value.
 */

/** @internal The first value of a response header, or `undefined` when it is absent. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
