/**
 * Builds the request envelope of one call. Parameters are a plain object:
 * each key becomes an element, in key order (an `xs:sequence` is ordered, so
 * pass keys in the schema's order); arrays become repeated elements; nested
 * objects nested elements; `null` an `xsi:nil` element; `undefined` nothing.
 * Every value is escaped, and a character XML 1.0 cannot carry is refused
 * rather than sent as a document the legacy system would reject.
 */
import { BadRequestError } from '@govgraph/sdk';
import type { SoapOperation } from './read-wsdl';
import type { SoapProtocol } from './soap-version';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** @internal Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (char) => ESCAPES[char] ?? char);
}

/**
 * @internal The whole request document; `header` is serialised header blocks (e.g. `wsse:Security`),
 * which may use the `soap` prefix of the envelope namespace.
 * @throws BadRequestError for a value XML cannot carry; `Error` for a bad element name or value type.
 */
export function buildEnvelope(protocol: SoapProtocol, operation: SoapOperation, params: Readonly<Record<string, unknown>>, header = ''): string {
  return wrapEnvelope(protocol, buildRequestBody(operation, params), header);
}

/**
 * @internal The request element with its parameters (the content of `soap:Body`). Built once per
 * call; {@link wrapEnvelope} adds the per-attempt header.
 * @throws BadRequestError for a value XML cannot carry; `Error` for a bad element name or value type.
 */
export function buildRequestBody(operation: SoapOperation, params: Readonly<Record<string, unknown>>): string {
  const { namespace, local } = operation.requestElement;
  const ns = namespace ? escapeXml(namespace) : undefined;
  // Qualified parameters inherit a default namespace; unqualified ones must have none, so the wrapper uses a prefix.
  const open = !ns ? `<${local}>` : operation.qualifiedParameters ? `<${local} xmlns="${ns}">` : `<m:${local} xmlns:m="${ns}">`;
  const close = !ns || operation.qualifiedParameters ? `</${local}>` : `</m:${local}>`;
  const parts: string[] = [open];
  appendChildren(parts, params, operation.name);
  parts.push(close);
  return parts.join('');
}

/** @internal Wraps a request body (and header blocks, if any) in the envelope of `protocol`. */
export function wrapEnvelope(protocol: SoapProtocol, body: string, header = ''): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${protocol.envelopeNamespace}" xmlns:xsi="${XSI}">` +
    (header ? `<soap:Header>${header}</soap:Header>` : '') +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

function appendChildren(parts: string[], params: Readonly<Record<string, unknown>>, path: string): void {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new Error(`SOAP parameters of ${path} must be a plain object`);
  }
  for (const [name, value] of Object.entries(params)) appendElement(parts, name, value, `${path}.${name}`);
}

function appendElement(parts: string[], name: string, value: unknown, path: string): void {
  if (!NCNAME.test(name)) throw new Error(`SOAP parameter "${path}" is not a valid XML element name`);
  if (value === undefined) return;
  if (value === null) {
    parts.push(`<${name} xsi:nil="true"/>`);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (Array.isArray(item)) throw new Error(`SOAP parameter "${path}" is a list of lists, which XML elements cannot express`);
      appendElement(parts, name, item, path);
    }
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`SOAP parameter "${path}" is an invalid Date`);
    parts.push(`<${name}>${value.toISOString()}</${name}>`);
    return;
  }
  switch (typeof value) {
    case 'string':
      if (NOT_XML_CHAR.test(value)) throw new BadRequestError(`parameter "${path}" contains a character that XML cannot carry`);
      parts.push(`<${name}>${escapeXml(value)}</${name}>`);
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`SOAP parameter "${path}" is ${value}; pass a finite number`);
      parts.push(`<${name}>${String(value)}</${name}>`);
      return;
    case 'bigint':
    case 'boolean':
      parts.push(`<${name}>${String(value)}</${name}>`);
      return;
    case 'object': {
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new Error(`SOAP parameter "${path}" is a ${value.constructor?.name ?? 'non-plain object'}; pass plain objects, arrays and scalars`);
      }
      parts.push(`<${name}>`);
      appendChildren(parts, value as Record<string, unknown>, path);
      parts.push(`</${name}>`);
      return;
    }
    default:
      throw new Error(`SOAP parameter "${path}" is a ${typeof value}, which cannot be sent`);
  }
}
