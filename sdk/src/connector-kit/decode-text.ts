/**
 * Decodes a response body by the charset its `Content-Type` declares.
 * Provincial legacy systems still answer in GBK/GB18030 now and then; a body
 * that does not decode cleanly is an error (`fatal`), never silently
 * replacement characters in a citizen's name. Protocol-specific charset
 * sniffing (the SOAP connector's XML declaration) stays in the connector.
 */

/** @internal The `charset` parameter of a Content-Type header, lower-cased, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase();
}

/**
 * @internal Decodes `bytes` (a leading BOM is dropped).
 * @throws RangeError for an unknown charset, TypeError for bytes invalid in it.
 */
export function decodeText(bytes: Uint8Array, charset = 'utf-8'): string {
  return new TextDecoder(charset, { fatal: true }).decode(bytes);
}
