/**
 * A tiny SOAP service on 127.0.0.1:0: GET `/PersonService?wsdl` serves a
 * fixture WSDL, POST `/PersonService` is answered by the test's handler,
 * given the SOAPAction and the request document.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { startTestHttpServer, type TestHttpServer } from '@govgraph/sdk/testing';

export type SoapHandler = (action: string, body: string, res: ServerResponse, req: IncomingMessage) => unknown;

export interface SoapTestServer extends TestHttpServer {
  readonly endpoint: string;
}

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
}

export async function startSoapServer(handler: SoapHandler, wsdl = fixture('population-registry.wsdl')): Promise<SoapTestServer> {
  const server = await startTestHttpServer((req, res, body) => {
    if (req.method === 'GET' && req.url === '/PersonService?wsdl') {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      return res.end(wsdl);
    }
    if (req.method === 'POST' && req.url === '/PersonService') {
      const action = String(req.headers['soapaction'] ?? '').replace(/^"|"$/g, '');
      return handler(action, body, res, req);
    }
    res.writeHead(404);
    return res.end();
  });
  return Object.assign(server, { endpoint: `${server.url}/PersonService` });
}

export const SOAP_11 = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A SOAP 1.1 envelope around `body`. */
export function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_11}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** A SOAP 1.1 Fault envelope. */
export function fault(faultcode: string, faultstring: string, detail = ''): string {
  return envelope(`<soap:Fault><faultcode>${faultcode}</faultcode><faultstring>${faultstring}</faultstring>${detail ? `<detail>${detail}</detail>` : ''}</soap:Fault>`);
}

export function sendXml(res: ServerResponse, status: number, xml: string, contentType = 'text/xml; charset=utf-8'): void {
  const bytes = Buffer.from(xml, 'utf8');
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
  res.end(bytes);
}
