/**
 * The only file of this package that speaks HTTP. One keep-alive undici
 * `Agent` per source (undici `request()`, not `fetch`), so the WSDL may live
 * on another origin than the endpoint; each origin gets at most
 * `maxConcurrency` + 1 connections (a spare for health probes).
 *
 * It enforces `maxResponseBytes` while reading and reports failures as the
 * internal errors of the SDK's transport errors (`TransportError`, …); `mapping.ts` decides what they mean.
 */
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import type { SoapSourceConfig } from './config';
import { TransportError, headerValue, readLimitedBody } from '@govgraph/sdk';

/** @internal What came back: the status and the whole body. */
export interface RawResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  /** The `Retry-After` header of a 429 or 503, if any. */
  readonly retryAfter?: string | undefined;
  readonly body: Buffer;
  /** `METHOD url-without-query`, for causes and logs (never for clients). */
  readonly target: string;
}

/** @internal */
export interface SoapClient {
  /** GETs the WSDL. */
  fetchWsdl(signal: AbortSignal): Promise<RawResponse>;
  /** POSTs an envelope to the endpoint. */
  post(envelope: string, headers: Readonly<Record<string, string>>, signal: AbortSignal): Promise<RawResponse>;
  /** GETs the WSDL and discards the body; resolves with the status. */
  probe(signal: AbortSignal): Promise<number>;
  /** Closes all connections once in-flight requests finish. */
  close(): Promise<void>;
}

/** @internal Opens the agent of one SOAP source. */
export function createSoapClient(config: SoapSourceConfig): SoapClient {
  const agent = new Agent({ connections: config.maxConcurrency + 1 });
  const endpoint = new URL(config.endpoint);
  const wsdl = new URL(config.wsdlUrl);
  const endpointTarget = `POST ${endpoint.origin}${endpoint.pathname}`;
  const wsdlTarget = `GET ${wsdl.origin}${wsdl.pathname}`;

  const exchange = async (options: Dispatcher.RequestOptions, target: string): Promise<RawResponse> => {
    let response: Dispatcher.ResponseData;
    try {
      response = await agent.request(options);
    } catch (error) {
      throw new TransportError(target, error);
    }
    const body = await readLimitedBody(response, config.maxResponseBytes, target);
    return {
      status: response.statusCode,
      contentType: headerValue(response.headers['content-type']),
      retryAfter: headerValue(response.headers['retry-after']),
      body,
      target,
    };
  };

  return {
    fetchWsdl: (signal) =>
      exchange(
        { origin: wsdl.origin, path: `${wsdl.pathname}${wsdl.search}`, method: 'GET', headers: { ...config.headers, accept: 'text/xml, application/xml' }, signal },
        wsdlTarget,
      ),

    post: (envelope, headers, signal) =>
      exchange({ origin: endpoint.origin, path: `${endpoint.pathname}${endpoint.search}`, method: 'POST', headers: { ...headers }, body: envelope, signal }, endpointTarget),

    async probe(signal) {
      try {
        const response = await agent.request({ origin: wsdl.origin, path: `${wsdl.pathname}${wsdl.search}`, method: 'GET', headers: { ...config.headers }, signal });
        await response.body.dump({ limit: 64 * 1024, signal });
        return response.statusCode;
      } catch (error) {
        throw new TransportError(wsdlTarget, error);
      }
    },

    close: () => agent.close(),
  };
}
