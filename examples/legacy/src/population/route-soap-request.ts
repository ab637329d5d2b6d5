/**
 * Turns one HTTP request to the population endpoint into an operation to
 * count and run: media type, safe XML parsing, the SOAP 1.1 envelope rules
 * (version, mustUnderstand headers, one body element), and agreement between
 * the `SOAPAction` header and the body element.
 */
import iconv from 'iconv-lite';
import { UNROUTED_OPERATION, textResponse, type SimulatorRequest, type SimulatorResponse, type SimulatorRoute } from '../harness';
import { buildPopulationWsdl } from './build-population-wsdl';
import { executePopulationOperation } from './execute-population-operation';
import type { PersonRegistry } from './person-registry';
import {
  POPULATION_NAMESPACE,
  POPULATION_OPERATIONS,
  POPULATION_PATH,
  SOAP11_ENVELOPE_NAMESPACE,
  SOAP12_ENVELOPE_NAMESPACE,
  WSDL_OPERATION,
  clientFault,
  soapActionOf,
  type PopulationFault,
  type PopulationOperation,
} from './population-contract';
import { soapFault, soapResponse } from './soap-envelope';
import { parseXmlDocument, XmlDocumentError, type XmlElement } from './xml/parse-xml-document';

/**
 * Routes a request. `fallbackOrigin` (e.g. `http://127.0.0.1:4101`) is used in
 * the WSDL's address when the request's Host header is missing or malformed.
 */
export function routeSoapRequest(registry: PersonRegistry, request: SimulatorRequest, fallbackOrigin: string): SimulatorRoute {
  const unrouted = (response: SimulatorResponse): SimulatorRoute => ({ operation: UNROUTED_OPERATION, handle: () => response });
  if (request.url.pathname !== POPULATION_PATH) return unrouted(textResponse(404, `no SOAP endpoint at ${request.url.pathname}; use ${POPULATION_PATH}`));
  if (request.method === 'GET' && request.url.searchParams.has('wsdl')) {
    const host = request.headers.host;
    const origin = host !== undefined && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `http://${host}` : fallbackOrigin;
    return { operation: WSDL_OPERATION, handle: () => ({ status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: buildPopulationWsdl(`${origin}${POPULATION_PATH}`) }) };
  }
  if (request.method !== 'POST') {
    return unrouted(textResponse(405, `POST a SOAP 1.1 envelope to ${POPULATION_PATH}, or GET ${POPULATION_PATH}?wsdl`, { allow: 'GET, POST' }));
  }
  const fault = (f: PopulationFault, status?: number): SimulatorRoute => unrouted(soapFault(f, status));

  const [mediaType = '', ...parameters] = (request.headers['content-type'] ?? '').split(';').map((part) => part.trim());
  if (mediaType.toLowerCase() !== 'text/xml') {
    return fault(clientFault('UNSUPPORTED_MEDIA_TYPE', `SOAP 1.1 requests must be sent as text/xml, got ${JSON.stringify(mediaType || null)}`), 415);
  }
  const charset = parameters.find((p) => p.toLowerCase().startsWith('charset='))?.slice('charset='.length).replace(/"/g, '') ?? 'utf-8';
  if (!iconv.encodingExists(charset)) return fault(clientFault('UNSUPPORTED_MEDIA_TYPE', `unsupported charset ${JSON.stringify(charset)}`), 415);

  let envelope: XmlElement;
  try {
    envelope = parseXmlDocument(iconv.decode(request.body, charset));
  } catch (error) {
    if (!(error instanceof XmlDocumentError)) throw error;
    return fault(clientFault(error.reason === 'doctype' ? 'DOCTYPE_NOT_ALLOWED' : 'INVALID_XML', error.message));
  }
  if (envelope.localName === 'Envelope' && envelope.namespace === SOAP12_ENVELOPE_NAMESPACE) {
    return fault({ faultcode: 'VersionMismatch', code: 'VERSION_MISMATCH', message: `only SOAP 1.1 (${SOAP11_ENVELOPE_NAMESPACE}) is served` });
  }
  if (envelope.localName !== 'Envelope' || envelope.namespace !== SOAP11_ENVELOPE_NAMESPACE) {
    return fault(clientFault('INVALID_ENVELOPE', `root element must be {${SOAP11_ENVELOPE_NAMESPACE}}Envelope`));
  }
  const inEnvelope = envelope.children.filter((child) => child.namespace === SOAP11_ENVELOPE_NAMESPACE);
  const bodies = inEnvelope.filter((child) => child.localName === 'Body');
  if (bodies.length !== 1 || bodies[0] === undefined) return fault(clientFault('INVALID_ENVELOPE', 'the envelope must contain exactly one soap:Body'));
  const misunderstood = inEnvelope
    .filter((child) => child.localName === 'Header')
    .flatMap((header) => header.children)
    .find((block) => ['1', 'true'].includes(block.namespacedAttributes[`{${SOAP11_ENVELOPE_NAMESPACE}}mustUnderstand`] ?? ''));
  if (misunderstood) {
    return fault({ faultcode: 'MustUnderstand', code: 'MUST_UNDERSTAND', message: `header {${misunderstood.namespace ?? ''}}${misunderstood.localName} is not understood` });
  }
  const bodyElements = bodies[0].children;
  if (bodyElements.length > 1) return fault(clientFault('INVALID_ENVELOPE', 'soap:Body must contain exactly one operation element'));
  const [operationElement] = bodyElements;

  const fromBody = operationElement && operationElement.namespace === POPULATION_NAMESPACE ? asOperation(operationElement.localName) : undefined;
  if (operationElement && fromBody === undefined) {
    return fault(clientFault('UNKNOWN_OPERATION', `unknown operation {${operationElement.namespace ?? ''}}${operationElement.localName}; known: ${POPULATION_OPERATIONS.join(', ')}`));
  }
  const action = parseSoapAction(request.headers['soapaction']);
  const fromAction = action === undefined ? undefined : (POPULATION_OPERATIONS.find((op) => action === soapActionOf(op) || action === op) ?? null);
  if (fromBody !== undefined && action !== undefined && fromAction !== fromBody) {
    return fault(clientFault('SOAP_ACTION_MISMATCH', `SOAPAction ${JSON.stringify(action)} does not match the body element ${fromBody}`));
  }
  const operation = fromBody ?? fromAction;
  if (!operation) {
    return fault(clientFault('UNKNOWN_OPERATION', action === undefined ? 'neither the SOAPAction header nor the body names an operation' : `unknown SOAPAction ${JSON.stringify(action)}`));
  }
  return {
    operation,
    handle: () => {
      const result = executePopulationOperation(registry, operation, operationElement);
      return result.ok ? soapResponse(result.xml) : soapFault(result.fault);
    },
  };
}

function asOperation(name: string): PopulationOperation | undefined {
  return POPULATION_OPERATIONS.find((op) => op === name);
}

/** The SOAPAction value without quotes; `undefined` when absent or empty (`""`). */
function parseSoapAction(header: string | string[] | undefined): string | undefined {
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (raw === undefined) return undefined;
  const value = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).trim() : raw;
  return value === '' ? undefined : value;
}
