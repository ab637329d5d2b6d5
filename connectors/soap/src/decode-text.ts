/**
 * Decodes a response body by the charset it declares (Content-Type, or the XML declaration).
 * Provincial legacy systems still answer in GBK/GB18030 now and then; a body
 * that does not decode cleanly is an error (`fatal`), never silently
 * replacement characters in a citizen's name.
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

/**
 * @internal The charset of an XML body: the Content-Type's `charset`, else the
 * XML declaration's `encoding`, else UTF-8 (XML 1.0 appendix F).
 */
export function xmlCharset(contentType: string | undefined, body: Uint8Array): string {
  const declared = charsetOf(contentType);
  if (declared) return declared;
  const head = Buffer.from(body.subarray(0, 200)).toString('latin1');
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}
