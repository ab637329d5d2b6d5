/**
 * SOAP 1.2 envelopes written by the social-insurance system: a response body
 * in `env:Envelope/env:Body`, or an `env:Fault` with `env:Code/env:Value`, a
 * WS-Security `env:Subcode` where one applies, `env:Reason/env:Text` and the
 * system's machine code in `env:Detail`. Status codes follow the SOAP 1.2
 * HTTP binding: `env:Sender` faults travel with HTTP 400, the others with 500.
 */
import type { SimulatorResponse } from '../harness';
import { escapeXml } from '../population';
import { SOAP12_NAMESPACE, SOCIAL_INSURANCE_NAMESPACE, WSSE_NAMESPACE, type SocialInsuranceFault } from './social-insurance-contract';

/** SOAP 1.2 media type of every answer. */
export const SOAP12_CONTENT_TYPE = 'application/soap+xml; charset=utf-8';

const OPEN = `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${SOAP12_NAMESPACE}">`;

/** Wraps already-serialised body content (which declares its own `si` prefix) in an envelope; HTTP 200. */
export function soap12Response(bodyContent: string, header = ''): SimulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': SOAP12_CONTENT_TYPE },
    body: `${OPEN}${header ? `<env:Header>${header}</env:Header>` : ''}<env:Body>${bodyContent}</env:Body></env:Envelope>`,
  };
}

/** An `env:Fault` envelope: HTTP 400 for `Sender`, 500 otherwise, unless `status` says otherwise (415). */
export function soap12Fault(fault: SocialInsuranceFault, status?: number): SimulatorResponse {
  const subcode = fault.subcode ? `<env:Subcode><env:Value xmlns:wsse="${WSSE_NAMESPACE}">${fault.subcode}</env:Value></env:Subcode>` : '';
  const detail =
    `<env:Detail><si:SocialInsuranceFault xmlns:si="${SOCIAL_INSURANCE_NAMESPACE}">` +
    `<si:code>${fault.detailCode}</si:code><si:message>${escapeXml(fault.message)}</si:message></si:SocialInsuranceFault></env:Detail>`;
  const content =
    `<env:Fault><env:Code><env:Value>env:${fault.code}</env:Value>${subcode}</env:Code>` +
    `<env:Reason><env:Text xml:lang="en">${escapeXml(fault.message)}</env:Text></env:Reason>${detail}</env:Fault>`;
  // A VersionMismatch names the envelope version understood (SOAP 1.2 part 1 §5.4.7).
  const upgrade = fault.code === 'VersionMismatch' ? `<env:Upgrade><env:SupportedEnvelope qname="env:Envelope"/></env:Upgrade>` : '';
  return { ...soap12Response(content, upgrade), status: status ?? (fault.code === 'Sender' ? 400 : 500) };
}
