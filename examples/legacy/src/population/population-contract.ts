/**
 * The population registry's SOAP contract in one place: namespaces,
 * operation names, SOAPAction values and limits. The WSDL, the request
 * router and the README are all written from these.
 */

/** Target namespace of the registry's messages (document/literal, elements qualified). */
export const POPULATION_NAMESPACE = 'http://population.gov.js.cn/registry/v1';

/** SOAP 1.1 envelope namespace (the only version served). */
export const SOAP11_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** SOAP 1.2 envelope namespace: recognised only to answer `soap:VersionMismatch`. */
export const SOAP12_ENVELOPE_NAMESPACE = 'http://www.w3.org/2003/05/soap-envelope';

/** The registry's operations. */
export type PopulationOperation = 'GetPersonByIdNumber' | 'GetPersonsByIdNumbers' | 'GetPersonsByIds' | 'SearchPersons';

/** Every operation, in WSDL order. */
export const POPULATION_OPERATIONS: readonly PopulationOperation[] = Object.freeze(['GetPersonByIdNumber', 'GetPersonsByIdNumbers', 'GetPersonsByIds', 'SearchPersons']);

/** The counted operation name of `GET ?wsdl`. */
export const WSDL_OPERATION = 'wsdl';

/** The HTTP path of the endpoint (POST envelopes, `GET ?wsdl`). */
export const POPULATION_PATH = '/population';

/** Most keys one batch operation accepts. */
export const MAX_PERSON_BATCH = 100;

/** The SOAPAction of an operation: `<namespace>/<operation>`. */
export function soapActionOf(operation: PopulationOperation): string {
  return `${POPULATION_NAMESPACE}/${operation}`;
}

/** Machine codes carried in a fault's `detail`. */
export type PopulationFaultCode =
  | 'INVALID_XML'
  | 'DOCTYPE_NOT_ALLOWED'
  | 'INVALID_ENVELOPE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNKNOWN_OPERATION'
  | 'SOAP_ACTION_MISMATCH'
  | 'INVALID_ARGUMENT'
  | 'TOO_MANY_KEYS'
  | 'MUST_UNDERSTAND'
  | 'VERSION_MISMATCH'
  | 'INTERNAL_ERROR';

/** A fault to answer: SOAP 1.1 fault code (without prefix), machine code, human message. */
export interface PopulationFault {
  readonly faultcode: 'Client' | 'Server' | 'VersionMismatch' | 'MustUnderstand';
  readonly code: PopulationFaultCode;
  readonly message: string;
}

/** Shorthand for a `soap:Client` fault. */
export function clientFault(code: PopulationFaultCode, message: string): PopulationFault {
  return { faultcode: 'Client', code, message };
}
