/**
 * The failure half of every identifier parser's result. Parsers return a
 * reason instead of throwing so that callers choose the error to raise (a
 * GraphQL `BAD_USER_INPUT`, an `UpstreamDataError` for bad legacy data, a
 * test assertion) and can show the reason as is.
 */
export interface IdentifierParseFailure {
  readonly ok: false;
  /**
   * What exactly is wrong, as a lower-case phrase without the identifier's
   * name, e.g. `must be 18 characters, got 17` or
   * `check character should be 'X', got '5'`.
   */
  readonly reason: string;
}

/** @internal Builds a failure result. */
export function identifierParseFailure(reason: string): IdentifierParseFailure {
  return { ok: false, reason };
}

/** @internal Shows a received character in a reason, quoted and readable even when it is whitespace. */
export function quoteChar(char: string): string {
  return /^[\x21-\x7e]$/.test(char) ? `'${char}'` : JSON.stringify(char);
}
