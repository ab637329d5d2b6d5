import { BadGatewayError, createSilentLogger, GovgraphError, UpstreamDataError, UpstreamTimeoutError } from '@govgraph/sdk';
import { parseSoapSourceConfig, soapSource, type SoapSource } from '../index';
import { envelope, fixture, sendXml, startSoapServer, type SoapHandler, type SoapTestServer } from './helpers/soap-test-server';
import { startTestHttpServer, unusedPort } from '@govgraph/sdk/testing';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE soap:Envelope [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetPersonResponse><name>&lol9;</name></GetPersonResponse></soap:Body></soap:Envelope>`;

async function caught(promise: Promise<unknown>): Promise<GovgraphError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as GovgraphError,
  );
}

describe('soapSource failures', () => {
  let server: SoapTestServer;
  let source: SoapSource | undefined;

  async function start(handler: SoapHandler, extra: Record<string, unknown> = {}): Promise<SoapSource> {
    server = await startSoapServer(handler);
    source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint, ...extra }));
    await source.start({ logger: createSilentLogger() });
    return source;
  }

  afterEach(async () => {
    await source?.stop();
    source = undefined;
    await server?.close();
  });

  it('times out a call the legacy system never answers, after about timeoutMs, and releases the socket', async () => {
    const registry = await start(() => undefined, { timeoutMs: 300 });
    const closedBefore = server.closedSockets;
    const started = performance.now();
    const error = await caught(registry.call('GetPerson', { idNumber: '1' }));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error.message).toBe('legacy system "population-registry" did not answer within 300 ms');
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(800);
    await server.waitForClosedSockets(closedBefore + 1);
    expect(registry.stats()).toEqual({ calls: 1, failures: 1, timeouts: 1 });
  });

  it('maps a refused connection to the endpoint to BadGatewayError', async () => {
    const port = await unusedPort();
    server = await startSoapServer(() => undefined);
    source = soapSource(
      parseSoapSourceConfig({ name: 'population-registry', endpoint: `http://127.0.0.1:${port}/PersonService`, wsdlUrl: `${server.endpoint}?wsdl` }),
    );
    await source.start({ logger: createSilentLogger() });
    const error = await caught(source.call('GetPerson', { idNumber: '1' }));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).toBe('legacy system "population-registry" is unreachable (connection refused)');
    expect(error.details).toEqual({ source: 'population-registry' });
  });

  it('maps a connection reset to BadGatewayError', async () => {
    const registry = await start((_action, _body, _res, req) => req.socket.destroy());
    const error = await caught(registry.call('GetPerson', { idNumber: '1' }));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).toBe('legacy system "population-registry" is unreachable (connection reset)');
  });

  it('maps malformed XML to UpstreamDataError', async () => {
    const registry = await start((_action, _body, res) => sendXml(res, 200, envelope('<GetPersonResponse><name>x</nam></GetPersonResponse>')));
    const error = await caught(registry.call('GetPerson', { idNumber: '1' }));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(error.message).toBe('legacy system "population-registry" answered with XML that cannot be read');
    expect(error.details).toEqual({ source: 'population-registry', status: 200 });
  });

  it('maps a complete HTTP answer holding truncated XML to UpstreamDataError', async () => {
    const whole = envelope('<GetPersonResponse><name>x</name></GetPersonResponse>');
    const registry = await start((_action, _body, res) => sendXml(res, 200, whole.slice(0, whole.length - 30)));
    await expect(registry.call('GetPerson', { idNumber: '1' })).rejects.toBeInstanceOf(UpstreamDataError);
  });

  it('maps a body cut off by a dropped connection to UpstreamDataError', async () => {
    const registry = await start((_action, _body, res, req) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '5000' });
      res.write(envelope('<GetPersonResponse>').slice(0, 120), () => req.socket.destroy());
    });
    const error = await caught(registry.call('GetPerson', { idNumber: '1' }));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(error.message).toBe('legacy system "population-registry" answered with an incomplete response');
  });

  it('refuses a billion-laughs response quickly, without expanding it', async () => {
    const registry = await start((_action, _body, res) => sendXml(res, 200, BILLION_LAUGHS));
    const started = performance.now();
    const error = await caught(registry.call('GetPerson', { idNumber: '1' }));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(error.message).toBe('legacy system "population-registry" answered with a document type declaration, which is refused');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a response larger than maxResponseBytes', async () => {
    const registry = await start((_action, _body, res) => sendXml(res, 200, envelope(`<GetPersonResponse><name>${'x'.repeat(40_000)}</name></GetPersonResponse>`)), {
      maxResponseBytes: 30_000, // the WSDL fits, the response does not
    });
    await expect(registry.call('GetPerson', { idNumber: '1' })).rejects.toBeInstanceOf(UpstreamDataError);
  });

  it('never has more than maxConcurrency calls in flight, and runs all of them', async () => {
    const registry = await start(
      (_action, _body, res) => {
        setTimeout(() => sendXml(res, 200, envelope('<GetPersonResponse><name>x</name></GetPersonResponse>')), 60);
      },
      { maxConcurrency: 2 },
    );
    const calls = Array.from({ length: 7 }, (_, i) => registry.call('GetPerson', { idNumber: String(i) }));
    await expect(Promise.all(calls)).resolves.toHaveLength(7);
    expect(server.maxInFlight).toBe(2);
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(7);
  });
});

describe('soapSource.start failures', () => {
  let server: SoapTestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('fails with BadGatewayError when the WSDL cannot be fetched', async () => {
    server = await startSoapServer(() => undefined);
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint, wsdlUrl: `${server.url}/missing?wsdl` }));
    const error = await caught(source.start({ logger: createSilentLogger() }));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).toBe('could not fetch the WSDL of legacy system "population-registry" (HTTP 404)');
  });

  it('fails with BadGatewayError when the WSDL host refuses the connection', async () => {
    const port = await unusedPort();
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: `http://127.0.0.1:${port}/PersonService` }));
    await expect(source.start({ logger: createSilentLogger() })).rejects.toBeInstanceOf(BadGatewayError);
  });

  it('fails with UpstreamDataError for a WSDL that cannot be read, and can be started again once it is fixed', async () => {
    let wsdlBroken = true;
    const good = fixture('population-registry.wsdl');
    // Serves a truncated WSDL first, then the good one, from the same URL.
    const broken = await startSoapServerWith(() => (wsdlBroken ? good.slice(0, 500) : good));
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: broken.endpoint }));
    const error = await caught(source.start({ logger: createSilentLogger() }));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(error.message).toBe('legacy system "population-registry" answered with a WSDL that cannot be used');
    expect(() => source.describe()).toThrow(/not started/);
    wsdlBroken = false;
    await source.start({ logger: createSilentLogger() });
    expect(source.describe().operations.size).toBe(3);
    await source.stop();
    await broken.close();
  });

  it('refuses a WSDL with a DOCTYPE', async () => {
    server = await startSoapServer(() => undefined, fixture('population-registry.wsdl').replace('<definitions', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions'));
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint }));
    const error = await caught(source.start({ logger: createSilentLogger() }));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(error.message).toBe('legacy system "population-registry" answered with a WSDL with a document type declaration, which is refused');
  });

  it('times out a WSDL fetch that never answers', async () => {
    const hanging = await startTestHttpServer(() => undefined);
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: `${hanging.url}/PersonService`, timeoutMs: 200 }));
    await expect(source.start({ logger: createSilentLogger() })).rejects.toBeInstanceOf(UpstreamTimeoutError);
    await hanging.close();
  });
});

/** A server whose WSDL is produced by `wsdl()` on each fetch. */
async function startSoapServerWith(wsdl: () => string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = await startTestHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(wsdl());
  });
  return { endpoint: `${server.url}/PersonService`, close: () => server.close() };
}
