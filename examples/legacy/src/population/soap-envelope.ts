/**
 * SOAP 1.1 envelopes written by the population registry: a response body
 * wrapped in `soap:Envelope/soap:Body`, or a `soap:Fault` whose `detail`
 * carries the registry's machine code. All faults travel with HTTP 500, as
 * the SOAP 1.1 HTTP binding (and WS-I Basic Profile) require.
 */
import type { SimulatorResponse } from '../harness';
import { POPULATION_NAMESPACE, SOAP11_ENVELOPE_NAMESPACE, type PopulationFault } from './population-contract';
import { escapeXml } from './xml/escape-xml';

/** SOAP 1.1 media type. */
export const SOAP11_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** Wraps already-serialised body content (which declares its own `pop` prefix) in an envelope; HTTP 200. */
export function soapResponse(bodyContent: string): SimulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': SOAP11_CONTENT_TYPE },
    body: `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP11_ENVELOPE_NAMESPACE}"><soap:Body>${bodyContent}</soap:Body></soap:Envelope>`,
  };
}

/** A `soap:Fault` envelope. HTTP 500 unless `status` says otherwise (415 for a wrong media type). */
export function soapFault(fault: PopulationFault, status = 500): SimulatorResponse {
  const detail = `<detail><pop:PopulationFault xmlns:pop="${POPULATION_NAMESPACE}"><pop:code>${fault.code}</pop:code><pop:message>${escapeXml(fault.message)}</pop:message></pop:PopulationFault></detail>`;
  const content = `<soap:Fault><faultcode>soap:${fault.faultcode}</faultcode><faultstring>${escapeXml(fault.message)}</faultstring>${detail}</soap:Fault>`;
  return { ...soapResponse(content), status };
}

