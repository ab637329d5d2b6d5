/**
 * What a WSDL says about how to talk to the service, beyond its operations:
 * the SOAP version of its binding(s) (`soap:binding` is SOAP 1.1,
 * `soap12:binding` SOAP 1.2, recognised by namespace whatever the prefix)
 * and whether it asks for a WS-Security UsernameToken (a WS-Policy
 * `UsernameToken` assertion, or documentation that says so, which is how
 * most provincial services state it). The scaffold configures the source and
 * its fake legacy system from this, so a generated package speaks the
 * version the real system speaks.
 */
import { XMLParser } from 'fast-xml-parser';

/** A SOAP version a WSDL binding can have. */
export type WsdlSoapVersion = '1.1' | '1.2';

/** The `soapVersion` a scaffolded source is configured with: one version, or `'auto'` when the WSDL offers both (1.2 is used). */
export type ScaffoldSoapVersion = WsdlSoapVersion | 'auto';

/** What {@link readWsdlBindings} found. */
export interface WsdlBindings {
  /** The SOAP versions of the WSDL's bindings, `1.1` before `1.2`, each once. */
  readonly versions: readonly WsdlSoapVersion[];
  /** `'1.2'` for only SOAP 1.2 bindings, `'1.1'` for only SOAP 1.1, `'auto'` for both. */
  readonly soapVersion: ScaffoldSoapVersion;
  /** Where the WSDL says a WS-Security UsernameToken is required (a policy assertion or a documentation excerpt); `undefined` when it does not. */
  readonly usernameToken?: string | undefined;
}

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const BINDING_NAMESPACES: Readonly<Record<string, WsdlSoapVersion>> = {
  'http://schemas.xmlsoap.org/wsdl/soap/': '1.1',
  'http://schemas.xmlsoap.org/wsdl/soap12/': '1.2',
};
const TOKEN_TEXT = /UsernameToken|WS-Security|\bwsse\b/i;

type Node = Record<string, unknown>;
type Scope = ReadonlyMap<string, string>;

/**
 * Reads the bindings of a WSDL 1.1 document.
 * @throws Error when the text is not a WSDL or has no SOAP 1.1 or 1.2 binding (an HTTP-only binding cannot be scaffolded).
 */
export function readWsdlBindings(text: string): WsdlBindings {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new Error('the WSDL contains a DOCTYPE or ENTITY declaration; refusing to read it');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: false, parseTagValue: false, parseAttributeValue: false });
  const document = parser.parse(text) as Node;
  const root = Object.entries(document).find(([name]) => !name.startsWith('?') && !name.startsWith('#'));
  if (!root || typeof root[1] !== 'object' || root[1] === null) throw new Error('not a WSDL 1.1 document: no <definitions> element');
  const rootScope = scopeOf(new Map(), root[1] as Node);
  if (qualify(root[0], rootScope).join(' ') !== `${WSDL_NS} definitions`) throw new Error('not a WSDL 1.1 document: no <definitions> element');

  const found = new Set<WsdlSoapVersion>();
  let usernameToken: string | undefined;
  walk(root[0], root[1] as Node, new Map(), (name, node, scope, parent) => {
    const [namespace, local] = qualify(name, scope);
    const version = namespace === undefined ? undefined : BINDING_NAMESPACES[namespace];
    if (version && local === 'binding' && parent === `${WSDL_NS} binding`) found.add(version);
    if (usernameToken === undefined && local === 'UsernameToken' && namespace !== undefined && !namespace.startsWith(WSDL_NS)) {
      usernameToken = `a WS-Policy ${name} assertion`;
    }
    if (usernameToken === undefined && local === 'documentation') {
      const said = textOf(node);
      if (TOKEN_TEXT.test(said)) usernameToken = `its documentation: "${excerpt(said)}"`;
    }
  });
  const versions = (['1.1', '1.2'] as const).filter((version) => found.has(version));
  if (versions.length === 0) throw new Error('the WSDL has no SOAP 1.1 (soap:binding) or SOAP 1.2 (soap12:binding) binding');
  return { versions, soapVersion: versions.length === 2 ? 'auto' : versions[0]!, usernameToken };
}

type Visit = (name: string, node: Node | string, scope: Scope, parent: string) => void;

/** Visits every element below `node` with its in-scope namespace declarations and its parent's `namespace local`. */
function walk(name: string, node: Node, outer: Scope, visit: Visit): void {
  const scope = scopeOf(outer, node);
  const self = qualify(name, scope).join(' ');
  for (const [childName, value] of Object.entries(node)) {
    if (childName.startsWith('@') || childName.startsWith('#')) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === 'object' && child !== null) {
        const childScope = scopeOf(scope, child as Node);
        visit(childName, child as Node, childScope, self);
        walk(childName, child as Node, scope, visit);
      } else {
        visit(childName, String(child ?? ''), scope, self);
      }
    }
  }
}

function scopeOf(outer: Scope, node: Node): Scope {
  const declared = Object.entries(node).filter(([key]) => key === '@xmlns' || key.startsWith('@xmlns:'));
  if (declared.length === 0) return outer;
  const scope = new Map(outer);
  for (const [key, value] of declared) scope.set(key === '@xmlns' ? '' : key.slice('@xmlns:'.length), String(value));
  return scope;
}

/** `[namespace, local]` of a prefixed element name. */
function qualify(name: string, scope: Scope): [string | undefined, string] {
  const colon = name.indexOf(':');
  return colon === -1 ? [scope.get(''), name] : [scope.get(name.slice(0, colon)), name.slice(colon + 1)];
}

function textOf(node: Node | string): string {
  if (typeof node === 'string') return node;
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@'))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .map((value) => (typeof value === 'object' && value !== null ? textOf(value as Node) : String(value ?? '')))
    .join(' ');
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}
