/**
 * What differs between SOAP versions, in one object per version: the
 * envelope namespace, the WSDL binding namespace, the HTTP headers of a call
 * and how a Fault is read. SOAP 1.2 is a second entry here (namespace
 * `http://www.w3.org/2003/05/soap-envelope`, binding `…/wsdl/soap12/`,
 * `Content-Type: application/soap+xml; action="…"`, Fault `Code/Value`,
 * `Reason/Text`, `Detail`, `Sender`/`Receiver`) plus `'1.2'` in `SOAP_VERSIONS`.
 */
import type { SoapVersion } from './config';

/** @internal A Fault as read from a response, before mapping. */
export interface SoapFault {
  /** `client`: the request was wrong; `server`: the legacy system failed; `other`: version or header problems. */
  readonly kind: 'client' | 'server' | 'other';
  /** The fault code as sent, e.g. `soap:Client.Validation`. Logged only. */
  readonly code: string;
  /** The human-readable reason (faultstring). Logged only: it may name hosts or data. */
  readonly reason: string;
  /** The legacy system's machine code from the fault detail, if it has one. */
  readonly upstreamCode: string | undefined;
}

/** @internal */
export interface SoapProtocol {
  readonly version: SoapVersion;
  readonly envelopeNamespace: string;
  /** Namespace of the WSDL 1.1 binding extension elements (`binding`, `operation`, `body`, `address`). */
  readonly bindingNamespace: string;
  /** HTTP headers of a call with this SOAPAction. */
  requestHeaders(soapAction: string): Record<string, string>;
  /** Reads a `Fault` element (already namespace-stripped). */
  readFault(fault: unknown): SoapFault;
}

const UPSTREAM_CODE = /^[A-Za-z0-9_.:-]{1,64}$/;
const CODE_ELEMENT = /^(?:error_?|fault_?)?code$/i;

/**
 * @internal Finds the legacy system's code in a fault detail: the first
 * element named `code`, `errorCode`, `faultCode` (any case) within a few
 * levels, if its value is a short plain code (it is shown to clients).
 */
export function findDetailCode(detail: unknown, depth = 4): string | undefined {
  if (depth < 0 || typeof detail !== 'object' || detail === null) return undefined;
  const entries = Array.isArray(detail) ? detail.map((item) => ['', item] as const) : Object.entries(detail);
  for (const [key, value] of entries) {
    if (CODE_ELEMENT.test(key)) {
      const text = typeof value === 'object' && value !== null && '#text' in value ? (value as { '#text': unknown })['#text'] : value;
      if (typeof text === 'string' && UPSTREAM_CODE.test(text)) return text;
    }
  }
  for (const [, value] of entries) {
    const found = findDetailCode(value, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '#text' in value) return String((value as { '#text': unknown })['#text']);
  return '';
}

const SOAP_1_1: SoapProtocol = {
  version: '1.1',
  envelopeNamespace: 'http://schemas.xmlsoap.org/soap/envelope/',
  bindingNamespace: 'http://schemas.xmlsoap.org/wsdl/soap/',
  requestHeaders: (soapAction) => ({
    'content-type': 'text/xml; charset=utf-8',
    soapaction: `"${soapAction}"`,
    accept: 'text/xml',
  }),
  readFault(fault) {
    const record = typeof fault === 'object' && fault !== null ? (fault as Record<string, unknown>) : {};
    const code = text(record['faultcode']);
    // `soap:Client`, `Client`, `soap:Client.Validation` (the dot notation of SOAP 1.1 §4.4.1).
    const base = code.slice(code.indexOf(':') + 1).split('.')[0];
    return {
      kind: base === 'Client' ? 'client' : base === 'Server' ? 'server' : 'other',
      code,
      reason: text(record['faultstring']),
      upstreamCode: findDetailCode(record['detail']),
    };
  },
};

/** @internal The protocol object of each supported version. */
export const SOAP_PROTOCOLS: Readonly<Record<SoapVersion, SoapProtocol>> = { '1.1': SOAP_1_1 };
