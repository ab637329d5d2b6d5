/**
 * Finds the charset of a SOAP answer. Unlike JSON, XML may declare its
 * encoding inside the document (`<?xml … encoding="GBK"?>`), and provincial
 * SOAP services often do only that. Decoding itself is the SDK's `decodeText`.
 */
import { charsetOf } from '@govgraph/sdk';

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
