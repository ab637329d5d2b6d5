/**
 * Reads what a SOAP source needs from a WSDL 1.1 document: the target
 * namespace, the operations of the binding for our SOAP version (`soap:` or
 * `soap12:` binding; with several candidate versions, the first one the WSDL
 * offers) with their
 * `soapAction` and style, the request wrapper element (and whether its
 * children are namespace-qualified, from the schema's `elementFormDefault`),
 * the response element, and the service's `soap:address`.
 *
 * Supported: document/literal (wrapped) and rpc/literal, inline schemas.
 * Not read: `wsdl:import`, external schemas (their children default to
 * unqualified, as XSD says), SOAP headers.
 */
import type { SoapVersion } from './config';
import type { SoapProtocol } from './soap-version';
import { parseSafeXml } from './parse-safe-xml';
import { documentElement, WSDL_PARSE_OPTIONS, type QualifiedName, type XmlElement } from './xml-element';

/** One operation of the legacy service, as the WSDL describes it. */
export interface SoapOperation {
  readonly name: string;
  /** Sent as the `SOAPAction` header. */
  readonly soapAction: string;
  readonly style: 'document' | 'rpc';
  /** The element that wraps the parameters inside the request `Body`. */
  readonly requestElement: QualifiedName;
  /** Whether parameter elements are in the request element's namespace (`elementFormDefault="qualified"`). */
  readonly qualifiedParameters: boolean;
  /** Local name of the element that wraps the result inside the response `Body`. */
  readonly responseElement: string;
}

/** What `start()` learned from the WSDL. */
export interface SoapServiceDescription {
  /** The SOAP version of the binding read (with `soapVersion: 'auto'`, the one chosen). */
  readonly soapVersion: SoapVersion;
  readonly targetNamespace: string;
  /** The service's `soap:address` location, if the WSDL has one (calls go to the configured `endpoint`). */
  readonly address: string | undefined;
  readonly operations: ReadonlyMap<string, SoapOperation>;
}

/** @internal The WSDL is readable XML but not a usable WSDL. */
export class WsdlError extends Error {
  constructor(reason: string) {
    super(`unusable WSDL: ${reason}`);
    this.name = 'WsdlError';
  }
}

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const HEADER_VALUE = /^[\x20-\x21\x23-\x7e]*$/;

interface MessageInfo {
  readonly element: QualifiedName | undefined;
}

interface PortTypeOperation {
  readonly input: string | undefined;
  readonly output: string | undefined;
}

/**
 * @internal Reads `text` for the binding of `protocols` (one, or candidates in order of preference:
 * the first version the WSDL has a binding for is used).
 * @throws UnsafeXmlError, MalformedXmlError, WsdlError
 */
export function readWsdl(text: string, protocols: SoapProtocol | readonly SoapProtocol[]): SoapServiceDescription {
  const candidates: readonly SoapProtocol[] = Array.isArray(protocols) ? protocols : [protocols as SoapProtocol];
  const root = documentElement(parseSafeXml(text, WSDL_PARSE_OPTIONS));
  if (!root || root.namespace !== WSDL || root.local !== 'definitions') throw new WsdlError('the root element is not a WSDL 1.1 <definitions>');
  const targetNamespace = root.attribute('targetNamespace');
  if (!targetNamespace) throw new WsdlError('<definitions> has no targetNamespace');

  const qualifiedSchemas = new Map<string | undefined, boolean>();
  for (const schema of root.children(WSDL, 'types').flatMap((types) => types.children(XSD, 'schema'))) {
    qualifiedSchemas.set(schema.attribute('targetNamespace'), schema.attribute('elementFormDefault') === 'qualified');
  }

  const messages = new Map<string, MessageInfo>();
  for (const message of root.children(WSDL, 'message')) {
    const part = message.children(WSDL, 'part')[0];
    const element = part?.attribute('element');
    messages.set(message.attribute('name') ?? '', { element: element && part ? part.resolve(element) : undefined });
  }

  const portTypes = new Map<string, Map<string, PortTypeOperation>>();
  for (const portType of root.children(WSDL, 'portType')) {
    const operations = new Map<string, PortTypeOperation>();
    for (const operation of portType.children(WSDL, 'operation')) {
      const input = operation.children(WSDL, 'input')[0];
      const output = operation.children(WSDL, 'output')[0];
      const inputMessage = input?.attribute('message');
      const outputMessage = output?.attribute('message');
      operations.set(operation.attribute('name') ?? '', {
        input: inputMessage && input ? input.resolve(inputMessage).local : undefined,
        output: outputMessage && output ? output.resolve(outputMessage).local : undefined,
      });
    }
    portTypes.set(portType.attribute('name') ?? '', operations);
  }

  const allBindings = root.children(WSDL, 'binding');
  const ofVersion = (candidate: SoapProtocol): XmlElement[] =>
    allBindings.filter((binding) => binding.children(candidate.bindingNamespace, 'binding').length > 0);
  const protocol = candidates.find((candidate) => ofVersion(candidate).length > 0);
  if (!protocol) throw new WsdlError(`no SOAP ${candidates.map((candidate) => candidate.version).join(' or ')} binding`);
  const bindings = ofVersion(protocol);

  // The first service port whose binding is one of ours gives the address (and picks the binding).
  let chosen = bindings[0] as XmlElement;
  let address: string | undefined;
  search: for (const service of root.children(WSDL, 'service')) {
    for (const port of service.children(WSDL, 'port')) {
      const bindingName = port.attribute('binding');
      const match = bindingName ? bindings.find((binding) => binding.attribute('name') === port.resolve(bindingName).local) : undefined;
      const location = port.children(protocol.bindingNamespace, 'address')[0]?.attribute('location');
      if (match && location) {
        chosen = match;
        address = location;
        break search;
      }
    }
  }

  const bindingStyle = chosen.children(protocol.bindingNamespace, 'binding')[0]?.attribute('style') === 'rpc' ? 'rpc' : 'document';
  const type = chosen.attribute('type');
  const portType = type ? portTypes.get(chosen.resolve(type).local) : undefined;
  if (!portType) throw new WsdlError(`the binding "${chosen.attribute('name') ?? ''}" has no portType`);

  const operations = new Map<string, SoapOperation>();
  for (const operation of chosen.children(WSDL, 'operation')) {
    const name = operation.attribute('name') ?? '';
    if (!NCNAME.test(name)) throw new WsdlError(`an operation has an invalid name "${name}"`);
    if (operations.has(name)) continue; // overloaded names: the first one wins
    const soapOperation = operation.children(protocol.bindingNamespace, 'operation')[0];
    const soapAction = soapOperation?.attribute('soapAction') ?? '';
    if (!HEADER_VALUE.test(soapAction)) throw new WsdlError(`operation "${name}" has an invalid soapAction`);
    const style = soapOperation?.attribute('style') === 'rpc' ? 'rpc' : soapOperation?.attribute('style') === 'document' ? 'document' : bindingStyle;
    const abstract = portType.get(name);
    const inputElement = abstract?.input ? messages.get(abstract.input)?.element : undefined;
    const outputElement = abstract?.output ? messages.get(abstract.output)?.element : undefined;

    if (style === 'rpc') {
      const body = operation.children(WSDL, 'input')[0]?.children(protocol.bindingNamespace, 'body')[0];
      operations.set(name, {
        name,
        soapAction,
        style,
        requestElement: { namespace: body?.attribute('namespace') || targetNamespace, local: name },
        qualifiedParameters: false,
        responseElement: `${name}Response`,
      });
    } else {
      const requestElement = inputElement ?? { namespace: targetNamespace, local: name };
      operations.set(name, {
        name,
        soapAction,
        style,
        requestElement,
        qualifiedParameters: qualifiedSchemas.get(requestElement.namespace) ?? false,
        responseElement: outputElement?.local ?? `${name}Response`,
      });
    }
  }
  if (operations.size === 0) throw new WsdlError('the binding has no operations');
  return { soapVersion: protocol.version, targetNamespace, address, operations };
}
