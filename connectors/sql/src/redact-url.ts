/**
 * A database URL with its password replaced, for logs and error causes.
 * Connection strings carry credentials; they never appear in an error message
 * and only appear redacted in a log or a `cause`.
 */

/** Returns `url` with any password replaced by `***`; an unparsable URL is reduced to its scheme. @internal */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url);
    return scheme ? `${scheme[0]}…` : '…';
  }
}
