/**
 * Turns one HTTP request to the social-insurance endpoint into an operation
 * to count and run: media type (`application/soap+xml`), safe XML parsing
 * (the population registry's reader), the SOAP 1.2 envelope rules (version,
 * `mustUnderstand` headers, one body element), agreement between the
 * Content-Type's `action` and the body element, then, when the operation
 * runs, the WS-Security check and the operation itself.
 */
import iconv from 'iconv-lite';
import { UNROUTED_OPERATION, textResponse, type SimulatorRequest, type SimulatorResponse, type SimulatorRoute } from '../harness';
import { parseXmlDocument, XmlDocumentError, SOAP11_ENVELOPE_NAMESPACE, WSDL_OPERATION, type XmlElement } from '../population';
import { buildSocialInsuranceWsdl } from './build-social-insurance-wsdl';
import { executeSocialInsuranceOperation } from './execute-social-insurance-operation';
import type { SocialInsuranceLedger } from './social-insurance-ledger';
import {
  SOAP12_NAMESPACE,
  SOCIAL_INSURANCE_NAMESPACE,
  SOCIAL_INSURANCE_OPERATIONS,
  SOCIAL_INSURANCE_PATH,
  WSSE_NAMESPACE,
  senderFault,
  socialInsuranceActionOf,
  type SocialInsuranceFault,
  type SocialInsuranceOperation,
} from './social-insurance-contract';
import { soap12Fault, soap12Response } from './soap12-envelope';
import { verifyUsernameToken, type NonceCache, type UsernameTokenCredentials } from './verify-username-token';

/** What the router needs besides the request. */
export interface SocialInsuranceRouting {
  readonly ledger: SocialInsuranceLedger;
  readonly credentials: UsernameTokenCredentials;
  readonly nonces: NonceCache;
  /** The clock tokens are checked against. */
  readonly now: () => Date;
  /** Used in the WSDL's address when the request's Host header is missing or malformed, e.g. `http://127.0.0.1:4106`. */
  readonly fallbackOrigin: string;
}

/** Routes a request. */
export function routeSoap12Request(routing: SocialInsuranceRouting, request: SimulatorRequest): SimulatorRoute {
  const unrouted = (response: SimulatorResponse): SimulatorRoute => ({ operation: UNROUTED_OPERATION, handle: () => response });
  if (request.url.pathname !== SOCIAL_INSURANCE_PATH) {
    return unrouted(textResponse(404, `no SOAP endpoint at ${request.url.pathname}; use ${SOCIAL_INSURANCE_PATH}`));
  }
  if (request.method === 'GET' && request.url.searchParams.has('wsdl')) {
    const host = request.headers.host;
    const origin = host !== undefined && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `http://${host}` : routing.fallbackOrigin;
    return {
      operation: WSDL_OPERATION,
      handle: () => ({ status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: buildSocialInsuranceWsdl(`${origin}${SOCIAL_INSURANCE_PATH}`) }),
    };
  }
  if (request.method !== 'POST') {
    return unrouted(textResponse(405, `POST a SOAP 1.2 envelope to ${SOCIAL_INSURANCE_PATH}, or GET ${SOCIAL_INSURANCE_PATH}?wsdl`, { allow: 'GET, POST' }));
  }
  const fault = (f: SocialInsuranceFault, status?: number): SimulatorRoute => unrouted(soap12Fault(f, status));

  const [mediaType = '', ...parameters] = (request.headers['content-type'] ?? '').split(';').map((part) => part.trim());
  const parameter = (name: string): string | undefined => {
    const found = parameters.find((p) => p.toLowerCase().startsWith(`${name}=`));
    return found === undefined ? undefined : found.slice(name.length + 1).trim().replace(/^"(.*)"$/, '$1');
  };
  if (mediaType.toLowerCase() !== 'application/soap+xml') {
    return fault(senderFault('UNSUPPORTED_MEDIA_TYPE', `SOAP 1.2 requests must be sent as application/soap+xml, got ${JSON.stringify(mediaType || null)}`), 415);
  }
  const charset = parameter('charset') ?? 'utf-8';
  if (!iconv.encodingExists(charset)) return fault(senderFault('UNSUPPORTED_MEDIA_TYPE', `unsupported charset ${JSON.stringify(charset)}`), 415);

  let envelope: XmlElement;
  try {
    envelope = parseXmlDocument(iconv.decode(request.body, charset));
  } catch (error) {
    if (!(error instanceof XmlDocumentError)) throw error;
    return fault(senderFault(error.reason === 'doctype' ? 'DOCTYPE_NOT_ALLOWED' : 'INVALID_XML', error.message));
  }
  if (envelope.localName === 'Envelope' && envelope.namespace === SOAP11_ENVELOPE_NAMESPACE) {
    return fault({ code: 'VersionMismatch', detailCode: 'VERSION_MISMATCH', message: `only SOAP 1.2 (${SOAP12_NAMESPACE}) is served` });
  }
  if (envelope.localName !== 'Envelope' || envelope.namespace !== SOAP12_NAMESPACE) {
    return fault(senderFault('INVALID_ENVELOPE', `root element must be {${SOAP12_NAMESPACE}}Envelope`));
  }
  const inEnvelope = envelope.children.filter((child) => child.namespace === SOAP12_NAMESPACE);
  const headers = inEnvelope.filter((child) => child.localName === 'Header');
  const bodies = inEnvelope.filter((child) => child.localName === 'Body');
  if (headers.length > 1 || bodies.length !== 1 || bodies[0] === undefined) {
    return fault(senderFault('INVALID_ENVELOPE', 'the envelope must contain at most one env:Header and exactly one env:Body'));
  }
  const header = headers[0];
  // wsse:Security is the one header block understood.
  const misunderstood = header?.children.find(
    (block) =>
      !(block.namespace === WSSE_NAMESPACE && block.localName === 'Security') &&
      ['1', 'true'].includes((block.namespacedAttributes[`{${SOAP12_NAMESPACE}}mustUnderstand`] ?? '').trim()),
  );
  if (misunderstood) {
    return fault({ code: 'MustUnderstand', detailCode: 'MUST_UNDERSTAND', message: `header {${misunderstood.namespace ?? ''}}${misunderstood.localName} is not understood` });
  }
  const bodyElements = bodies[0].children;
  if (bodyElements.length > 1) return fault(senderFault('INVALID_ENVELOPE', 'env:Body must contain exactly one operation element'));
  const [operationElement] = bodyElements;

  const fromBody = operationElement && operationElement.namespace === SOCIAL_INSURANCE_NAMESPACE ? asOperation(operationElement.localName) : undefined;
  if (operationElement && fromBody === undefined) {
    return fault(
      senderFault('UNKNOWN_OPERATION', `unknown operation {${operationElement.namespace ?? ''}}${operationElement.localName}; known: ${SOCIAL_INSURANCE_OPERATIONS.join(', ')}`),
    );
  }
  const action = parameter('action') || undefined;
  const fromAction = action === undefined ? undefined : (SOCIAL_INSURANCE_OPERATIONS.find((op) => action === socialInsuranceActionOf(op) || action === op) ?? null);
  if (fromBody !== undefined && action !== undefined && fromAction !== fromBody) {
    return fault(senderFault('SOAP_ACTION_MISMATCH', `action ${JSON.stringify(action)} does not match the body element ${fromBody}`));
  }
  const operation = fromBody ?? fromAction;
  if (!operation) {
    return fault(senderFault('UNKNOWN_OPERATION', action === undefined ? 'neither the action parameter nor the body names an operation' : `unknown action ${JSON.stringify(action)}`));
  }
  return {
    operation,
    handle: () => {
      const refused = verifyUsernameToken(header, routing.credentials, routing.nonces, routing.now());
      if (refused) return soap12Fault(refused);
      const result = executeSocialInsuranceOperation(routing.ledger, operation, operationElement);
      return result.ok ? soap12Response(result.xml) : soap12Fault(result.fault);
    },
  };
}

function asOperation(name: string): SocialInsuranceOperation | undefined {
  return SOCIAL_INSURANCE_OPERATIONS.find((op) => op === name);
}
