/**
 * A safe, namespace-aware XML reader for SOAP requests, on top of
 * fast-xml-parser. Safe: any DOCTYPE or ENTITY declaration is refused before
 * parsing (no entity expansion, no XXE), only the five predefined entities
 * and numeric character references are decoded, and an undefined entity is a
 * syntax error as in any conforming parser. Namespace-aware: every element
 * carries its resolved namespace URI, so `<p:x xmlns:p="…">` and
 * `<x xmlns="…">` read the same.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element with its namespace resolved. */
export interface XmlElement {
  /** Namespace URI, `undefined` when the element is in no namespace. */
  readonly namespace: string | undefined;
  readonly localName: string;
  /** Attributes by qualified name as written (namespace declarations excluded), values decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Attribute values by `{namespace}localName` (resolved), for namespaced attributes such as `soap:mustUnderstand`. */
  readonly namespacedAttributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated character data (text and CDATA) directly inside this element, decoded, not trimmed. */
  readonly text: string;
}

/** Why a document was refused. */
export type XmlRejection = 'doctype' | 'syntax';

/** Thrown by {@link parseXmlDocument}. */
export class XmlDocumentError extends Error {
  constructor(
    readonly reason: XmlRejection,
    message: string,
  ) {
    super(message);
    this.name = 'XmlDocumentError';
  }
}

/** Deeper documents are refused (a SOAP envelope is a handful of levels deep). */
export const MAX_XML_DEPTH = 100;
// fast-xml-parser counts the levels below the root.
const MAX_DEPTH = MAX_XML_DEPTH - 1;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  maxNestedTags: MAX_DEPTH,
});

/** Parses one XML document into its root element; throws {@link XmlDocumentError}. */
export function parseXmlDocument(xml: string): XmlElement {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) {
    throw new XmlDocumentError('doctype', 'DOCTYPE and ENTITY declarations are not allowed');
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new XmlDocumentError('syntax', `malformed XML at line ${validation.err.line}: ${validation.err.msg}`);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    throw new XmlDocumentError('syntax', `malformed XML: ${(error as Error).message}`);
  }
  const roots = nodes.filter((node) => elementName(node) !== undefined);
  if (roots.length !== 1 || nodes.some((node) => '#text' in node && String(node['#text']).trim() !== '')) {
    throw new XmlDocumentError('syntax', 'malformed XML: a document has exactly one root element');
  }
  return toElement(roots[0] as OrderedNode, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
}

function toElement(node: OrderedNode, parentScope: ReadonlyMap<string, string>): XmlElement {
  const qualifiedName = elementName(node) as string;
  const rawAttributes = node[':@'] ?? {};
  const scope = new Map(parentScope);
  const attributes: Record<string, string> = {};
  for (const [name, raw] of Object.entries(rawAttributes)) {
    const value = decodeEntities(String(raw));
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice('xmlns:'.length), value);
    else attributes[name] = value;
  }
  const namespacedAttributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const colon = name.indexOf(':');
    if (colon < 0) continue;
    namespacedAttributes[`{${resolvePrefix(name.slice(0, colon), scope, name)}}${name.slice(colon + 1)}`] = value;
  }
  const colon = qualifiedName.indexOf(':');
  const prefix = colon < 0 ? '' : qualifiedName.slice(0, colon);
  const namespace = colon < 0 ? scope.get('') || undefined : resolvePrefix(prefix, scope, qualifiedName);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qualifiedName] as OrderedNode[] | undefined) ?? []) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else if ('#cdata' in child) text += ((child['#cdata'] as { '#text'?: unknown }[])[0]?.['#text'] as string | undefined) ?? '';
    else if (elementName(child) !== undefined) children.push(toElement(child, scope));
  }
  return { namespace, localName: colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1), attributes, namespacedAttributes, children, text };
}

function resolvePrefix(prefix: string, scope: ReadonlyMap<string, string>, name: string): string {
  const namespace = scope.get(prefix);
  if (namespace === undefined) throw new XmlDocumentError('syntax', `malformed XML: undeclared namespace prefix in ${name}`);
  return namespace;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new XmlDocumentError('syntax', `malformed XML: bare '&' in ${JSON.stringify(raw.slice(0, 40))}`);
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const code = /^#x[0-9a-fA-F]+$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
    if (Number.isNaN(code) || code > 0x10ffff || code === 0) throw new XmlDocumentError('syntax', `malformed XML: undefined entity &${name};`);
    return String.fromCodePoint(code);
  });
}
