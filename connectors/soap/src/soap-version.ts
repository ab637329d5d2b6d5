/**
 * What differs between SOAP versions, in one object per version: the
 * envelope namespace, the WSDL binding namespace, the HTTP headers of a call
 * and how a Fault is read. SOAP 1.1: `text/xml` + `SOAPAction`, Fault
 * `faultcode`/`faultstring`/`detail`. SOAP 1.2: `application/soap+xml;
 * action="…"`, Fault `Code/Value` (+ `Subcode`s), `Reason/Text`, `Detail`.
 *
 * WS-Security faults (OASIS WSS 1.0 §12: `wsse:FailedAuthentication`,
 * `wsse:InvalidSecurity`, …) are recognised in both versions, as the SOAP 1.1
 * `faultcode` or a SOAP 1.2 `Subcode`: they say the gateway's credentials were
 * refused, never the client's input.
 */
import type { SoapVersion } from './config';

/** @internal A Fault as read from a response, before mapping. */
export interface SoapFault {
  /**
   * `client`: the request was wrong; `server`: the legacy system failed; `security`: a WS-Security
   * fault (our credentials or security header were refused); `other`: version or header problems.
   */
  readonly kind: 'client' | 'server' | 'security' | 'other';
  /** The fault code as sent, e.g. `soap:Client.Validation` or `env:Sender/wsse:FailedAuthentication`. Logged only. */
  readonly code: string;
  /** The human-readable reason (faultstring). Logged only: it may name hosts or data. */
  readonly reason: string;
  /** The legacy system's machine code: `wsse:<fault>` for a WS-Security fault, else from the fault detail (else a SOAP 1.2 subcode). */
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
  if (Array.isArray(value)) return value.map(text).join(' / ');
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '#text' in value) return String((value as { '#text': unknown })['#text']);
  return '';
}

function asRecord(value: unknown): Record<string, unknown> {
  const single: unknown = Array.isArray(value) ? value[0] : value;
  return typeof single === 'object' && single !== null ? (single as Record<string, unknown>) : {};
}

/** The local part of a QName value (`env:Sender` → `Sender`). */
function localPart(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1).trim();
}

/**
 * The fault codes of OASIS WSS 1.0 (§12). Recognised by local name: the
 * prefix of a QName in element text is whatever the legacy system declared.
 */
const WS_SECURITY_FAULTS = new Set([
  'UnsupportedSecurityToken',
  'UnsupportedAlgorithm',
  'InvalidSecurity',
  'InvalidSecurityToken',
  'FailedAuthentication',
  'FailedCheck',
  'SecurityTokenUnavailable',
  'MessageExpired',
]);

/** @internal `wsse:<name>` when one of `codes` is a WS-Security fault code. */
export function findSecurityFault(codes: readonly string[]): string | undefined {
  const found = codes.map(localPart).find((name) => WS_SECURITY_FAULTS.has(name));
  return found === undefined ? undefined : `wsse:${found}`;
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
    const security = findSecurityFault([code]);
    // `soap:Client`, `Client`, `soap:Client.Validation` (the dot notation of SOAP 1.1 §4.4.1).
    const base = localPart(code).split('.')[0];
    return {
      kind: security ? 'security' : base === 'Client' ? 'client' : base === 'Server' ? 'server' : 'other',
      code,
      reason: text(record['faultstring']),
      upstreamCode: security ?? findDetailCode(record['detail']),
    };
  },
};

const SOAP_1_2: SoapProtocol = {
  version: '1.2',
  envelopeNamespace: 'http://www.w3.org/2003/05/soap-envelope',
  bindingNamespace: 'http://schemas.xmlsoap.org/wsdl/soap12/',
  // SOAP 1.2 HTTP binding (RFC 3902): the action is a media-type parameter; there is no SOAPAction header.
  requestHeaders: (soapAction) => ({
    'content-type': soapAction ? `application/soap+xml; charset=utf-8; action="${soapAction}"` : 'application/soap+xml; charset=utf-8',
    accept: 'application/soap+xml',
  }),
  readFault(fault) {
    const body = asRecord(fault);
    // Code/Value, then Subcode/Value, Subcode/Subcode/Value, … (SOAP 1.2 part 1 §5.4.6).
    const values: string[] = [];
    for (let code = asRecord(body['Code']), depth = 0; depth < 8 && Object.keys(code).length > 0; code = asRecord(code['Subcode']), depth += 1) {
      values.push(text(code['Value']).trim());
    }
    const [value = '', ...subcodes] = values;
    const security = findSecurityFault(subcodes.length > 0 ? subcodes : [value]);
    const base = localPart(value);
    const innermost = subcodes.at(-1);
    return {
      kind: security ? 'security' : base === 'Sender' ? 'client' : base === 'Receiver' ? 'server' : 'other',
      code: values.join('/'),
      reason: text(asRecord(body['Reason'])['Text']),
      upstreamCode: security ?? findDetailCode(body['Detail']) ?? (innermost !== undefined && UPSTREAM_CODE.test(innermost) ? innermost : undefined),
    };
  },
};

/** @internal The protocol object of each supported version. */
export const SOAP_PROTOCOLS: Readonly<Record<SoapVersion, SoapProtocol>> = { '1.1': SOAP_1_1, '1.2': SOAP_1_2 };
