import { createSilentLogger } from '@govgraph/sdk';
import { parseSoapSourceConfig, soapSource } from '../index';
import { fixture } from './helpers/soap-test-server';
import { startTestHttpServer, type TestHttpServer } from '@govgraph/sdk/testing';

describe('soapSource.checkHealth', () => {
  let server: TestHttpServer | undefined;
  const wsdl = fixture('population-registry.wsdl');

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves the WSDL at start; `health` decides how later fetches are answered. */
  async function startWith(health: 'ok' | 'error' | 'hang', extra: Record<string, unknown> = {}) {
    let fetches = 0;
    server = await startTestHttpServer((_req, res) => {
      fetches += 1;
      if (fetches === 1 || health === 'ok') {
        res.writeHead(200, { 'content-type': 'text/xml' });
        return res.end(wsdl);
      }
      if (health === 'error') {
        res.writeHead(500);
        return res.end('down for maintenance');
      }
      return undefined; // hang
    });
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: `${server.url}/PersonService`, ...extra }));
    await source.start({ logger: createSilentLogger() });
    return source;
  }

  it('is up when the WSDL answers 200, and probes are not counted as calls', async () => {
    const source = await startWith('ok');
    await expect(source.checkHealth()).resolves.toEqual({ status: 'up', detail: 'WSDL: HTTP 200', latencyMs: expect.any(Number) });
    expect(source.stats().calls).toBe(0);
    await source.stop();
  });

  it('is down when the WSDL answers an error', async () => {
    const source = await startWith('error');
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'WSDL: HTTP 500' });
    await source.stop();
  });

  it('is down within its own short timeout when the legacy system hangs', async () => {
    const source = await startWith('hang', { healthTimeoutMs: 200 });
    const started = performance.now();
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'no answer within 200 ms' });
    expect(performance.now() - started).toBeLessThan(700);
    await source.stop();
  });

  it('is down, without throwing, when the legacy system is gone', async () => {
    const source = await startWith('ok');
    await server?.close();
    server = undefined;
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: expect.stringMatching(/connection (refused|reset)/) });
    await source.stop();
  });

  it('is down before start() and after stop()', async () => {
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: 'http://127.0.0.1:9/PersonService' }));
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'not started' });
    await source.stop();
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'stopped' });
  });
});
