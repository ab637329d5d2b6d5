/**
 * A namespace-aware view of fast-xml-parser's output, for reading WSDLs.
 * WSDL authors pick any prefixes (`soap:`, `soapbind:`, `wsdlsoap:`, a
 * default namespace), so elements are matched by namespace URI and local
 * name, resolving prefixes through the `xmlns` declarations in scope, never
 * by the prefix text.
 *
 * Expects the parse options of {@link WSDL_PARSE_OPTIONS}: prefixes kept,
 * attributes under `@name`, every element in an array.
 */
import type { SafeXmlOptions } from './parse-safe-xml';

/** @internal Parse options the walker understands. */
export const WSDL_PARSE_OPTIONS: SafeXmlOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  textNodeName: '#text',
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
};

/** @internal A name with its namespace resolved. */
export interface QualifiedName {
  readonly namespace: string | undefined;
  readonly local: string;
}

/** @internal One element. */
export interface XmlElement extends QualifiedName {
  /** An unqualified attribute's value. */
  attribute(name: string): string | undefined;
  /** Child elements with this namespace and local name. */
  children(namespace: string, local: string): XmlElement[];
  /** Resolves a QName-valued attribute (`tns:GetPerson`) in this element's scope. */
  resolve(qname: string): QualifiedName;
}

type RawNode = Record<string, unknown>;

/** @internal The root element of a parsed document, or `undefined` if there is none. */
export function documentElement(document: Record<string, unknown>): XmlElement | undefined {
  for (const [key, value] of Object.entries(document)) {
    if (key.startsWith('@') || key.startsWith('#') || key.startsWith('?')) continue;
    const node = Array.isArray(value) ? value[0] : value;
    return createElement(key, asNode(node), new Map());
  }
  return undefined;
}

function asNode(value: unknown): RawNode {
  return typeof value === 'object' && value !== null ? (value as RawNode) : {};
}

function createElement(tag: string, node: RawNode, parentScope: ReadonlyMap<string, string>): XmlElement {
  const scope = new Map(parentScope);
  for (const [key, value] of Object.entries(node)) {
    if (key === '@xmlns') scope.set('', String(value));
    else if (key.startsWith('@xmlns:')) scope.set(key.slice('@xmlns:'.length), String(value));
  }
  const resolve = (qname: string): QualifiedName => {
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const namespace = scope.get(prefix);
    return { namespace: namespace === '' ? undefined : namespace, local: colon === -1 ? qname : qname.slice(colon + 1) };
  };
  const name = resolve(tag);

  return {
    namespace: name.namespace,
    local: name.local,
    attribute(attributeName) {
      const value = node[`@${attributeName}`];
      return typeof value === 'string' ? value : undefined;
    },
    children(namespace, local) {
      const found: XmlElement[] = [];
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('@') || key.startsWith('#')) continue;
        if (key !== local && !key.endsWith(`:${local}`)) continue;
        for (const child of Array.isArray(value) ? value : [value]) {
          // A child may declare its own prefix (`<xs:schema xmlns:xs=…>`): resolve it in its own scope.
          const element = createElement(key, asNode(child), scope);
          if (element.namespace === namespace && element.local === local) found.push(element);
        }
      }
      return found;
    },
    resolve,
  };
}
