/**
 * Escaping for every value written into XML by the population registry, so
 * names and addresses holding `<`, `&` or quotes never break a document (or
 * inject markup). Characters XML 1.0 forbids are dropped.
 */

const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for element content and attribute values alike. */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (char) => REPLACEMENTS[char] ?? char);
}
