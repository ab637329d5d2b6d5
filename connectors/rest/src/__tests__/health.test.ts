import { createSilentLogger } from '@govgraph/sdk';
import { parseRestSourceConfig, restSource } from '../index';
import { startTestHttpServer, unusedPort, type TestHttpServer } from '@govgraph/sdk/testing';

describe('restSource.checkHealth', () => {
  let server: TestHttpServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is up when the health path answers 2xx, and sends the static headers', async () => {
    server = await startTestHttpServer((req, res) => {
      res.writeHead(req.url === '/api/healthz' && req.headers['x-api-key'] === 'k' ? 200 : 500);
      res.end('ok');
    });
    const source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: `${server.url}/api`, headers: { 'x-api-key': 'k' } }));
    await source.start({ logger: createSilentLogger() });
    const report = await source.checkHealth();
    expect(report).toEqual({ status: 'up', detail: 'HTTP 200', latencyMs: expect.any(Number) });
    expect(source.stats().calls).toBe(0);
    await source.stop();
  });

  it('uses the configured health path', async () => {
    server = await startTestHttpServer((req, res) => {
      res.writeHead(req.url === '/ping' ? 204 : 404);
      res.end();
    });
    const source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: server.url, healthPath: '/ping' }));
    await source.start({ logger: createSilentLogger() });
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'up' });
    await source.stop();
  });

  it('is down with the status when the health path fails', async () => {
    server = await startTestHttpServer((_req, res) => {
      res.writeHead(503);
      res.end('maintenance');
    });
    const source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: server.url }));
    await source.start({ logger: createSilentLogger() });
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'HTTP 503' });
    await source.stop();
  });

  it('is down, without throwing, when the connection is refused', async () => {
    const port = await unusedPort();
    const source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: `http://127.0.0.1:${port}` }));
    await source.start({ logger: createSilentLogger() });
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'connection refused' });
    await source.stop();
  });

  it('is down within its own short timeout when the legacy system hangs', async () => {
    server = await startTestHttpServer(() => undefined);
    const source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: server.url, timeoutMs: 5000, healthTimeoutMs: 200 }));
    await source.start({ logger: createSilentLogger() });
    const started = performance.now();
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'no answer within 200 ms' });
    expect(performance.now() - started).toBeLessThan(700);
    await source.stop();
  });

  it('is down before start() and after stop()', async () => {
    const source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://127.0.0.1:9' }));
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'not started' });
    await source.start({ logger: createSilentLogger() });
    await source.stop();
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'stopped' });
  });
});
