/**
 * SOAP has no safe verbs: only operations the capability manifest declares
 * idempotent are retried. Observed from the server's side.
 */
import { BadGatewayError, createSilentLogger, type GovgraphError } from '@govgraph/sdk';
import { parseSoapSourceConfig, soapSource, type SoapSource } from '../index';
import { envelope, fault, sendXml, startSoapServer, type SoapHandler, type SoapTestServer } from './helpers/soap-test-server';

const OK = envelope('<GetPersonResponse><name>张三</name></GetPersonResponse>');

describe('soapSource resilience', () => {
  let server: SoapTestServer;
  let source: SoapSource | undefined;

  async function start(handler: SoapHandler, capabilities?: Record<string, unknown>): Promise<SoapSource> {
    server = await startSoapServer(handler);
    source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint, ...(capabilities ? { capabilities } : {}) }));
    await source.start({ logger: createSilentLogger() });
    return source;
  }
  const posts = (): number => server.requests.filter((request) => request.method === 'POST').length;

  afterEach(async () => {
    await source?.stop();
    source = undefined;
    await server?.close();
  });

  it('never retries an operation not declared idempotent: one request after a 503', async () => {
    const registry = await start((_action, _body, res) => sendXml(res, 503, '<html>maintenance</html>', 'text/html'));
    const error = (await registry.call('GetPerson', { idNumber: '1' }).catch((caught: unknown) => caught)) as GovgraphError;
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.details).toEqual({ source: 'population-registry', status: 503 });
    expect(posts()).toBe(1);
  });

  it('retries a declared idempotent operation after Server faults until it succeeds', async () => {
    let faultsLeft = 2;
    const registry = await start(
      (_action, _body, res) => (faultsLeft-- > 0 ? sendXml(res, 500, fault('soap:Server', 'database busy')) : sendXml(res, 200, OK)),
      { idempotentOperations: ['GetPerson'], retry: { initialDelayMs: 10 } },
    );
    await expect(registry.call('GetPerson', { idNumber: '1' })).resolves.toEqual({ name: '张三' });
    expect(posts()).toBe(3);
  });

  it('never retries a Client fault, even of an idempotent operation', async () => {
    const registry = await start((_action, _body, res) => sendXml(res, 500, fault('soap:Client', 'bad id')), { idempotentOperations: ['GetPerson'] });
    await expect(registry.call('GetPerson', { idNumber: 'x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(posts()).toBe(1);
  });

  it('puts a 503 answer\'s Retry-After in details.retryAfterMs', async () => {
    const registry = await start((_action, _body, res) => {
      res.writeHead(503, { 'retry-after': '120', 'content-type': 'text/plain' });
      res.end('later');
    });
    await expect(registry.call('GetPerson', { idNumber: '1' })).rejects.toMatchObject({
      details: { source: 'population-registry', status: 503, retryAfterMs: 120_000 },
    });
  });

  it('opens the circuit after consecutive resets and reports it in health', async () => {
    const registry = await start((_action, _body, _res, req) => req.socket.destroy(), { circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } });
    await registry.call('GetPerson', { idNumber: '1' }).catch(() => undefined);
    await registry.call('GetPerson', { idNumber: '1' }).catch(() => undefined);
    await expect(registry.call('GetPerson', { idNumber: '1' })).rejects.toThrow('legacy system "population-registry" is unavailable (circuit open)');
    expect(posts()).toBe(2);
    await expect(registry.checkHealth()).resolves.toMatchObject({ status: 'down', circuit: 'open', detail: 'circuit open; WSDL: HTTP 200' });
  });

  it('exposes the manifest in effect, the shortcut options included', async () => {
    server = await startSoapServer(() => undefined);
    const config = parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint, timeoutMs: 800, capabilities: { batch: { maxSize: 100 } } });
    expect(soapSource(config).capabilities).toMatchObject({ timeoutMs: 800, maxConcurrency: 16, batch: { maxSize: 100 } });
    expect(() => parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint, maxConcurrency: 4, capabilities: { maxConcurrency: 8 } })).toThrow(
      'capabilities.maxConcurrency: contradicts the maxConcurrency option (4): give one of them, or the same value, got 8',
    );
  });
});
