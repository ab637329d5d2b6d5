import { BadGatewayError, createSilentLogger, GovgraphError, runInRequestScope, UpstreamDataError, UpstreamTimeoutError } from '@govgraph/sdk';
import { parseRestSourceConfig, restSource, type RestSource } from '../index';
import { sendJson, startTestHttpServer, unusedPort, type TestHttpServer } from '@govgraph/sdk/testing';

const silent = createSilentLogger();

async function startedSource(baseUrl: string, extra: Record<string, unknown> = {}): Promise<RestSource> {
  const source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl, ...extra }));
  await source.start({ logger: silent });
  return source;
}

async function failure(promise: Promise<unknown>): Promise<GovgraphError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  return error as GovgraphError;
}

describe('restSource failures', () => {
  let server: TestHttpServer;
  let source: RestSource | undefined;

  afterEach(async () => {
    await source?.stop();
    source = undefined;
    await server?.close();
  });

  it('times out a call the legacy system never answers, after about timeoutMs, and releases the socket', async () => {
    server = await startTestHttpServer(() => undefined); // never responds
    source = await startedSource(server.url, { timeoutMs: 300 });
    const started = performance.now();
    const error = await failure(source.get('/cases/1'));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error.message).toBe('legacy system "case-handling" did not answer within 300 ms');
    expect(error.details).toEqual({ source: 'case-handling' });
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(800);
    await server.waitForClosedSockets(1);
    expect(source.stats()).toEqual({ calls: 1, failures: 1, timeouts: 1 });
  });

  it('times out a body that stops half way', async () => {
    server = await startTestHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"caseNo":');
    });
    source = await startedSource(server.url, { timeoutMs: 250 });
    const started = performance.now();
    await expect(source.get('/cases/1')).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(performance.now() - started).toBeLessThan(750);
    await server.waitForClosedSockets(1);
  });

  it('maps a refused connection to BadGatewayError without naming the host', async () => {
    const port = await unusedPort();
    server = await startTestHttpServer(() => undefined);
    source = await startedSource(`http://127.0.0.1:${port}`);
    const error = await failure(source.get('/cases/1'));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).toBe('legacy system "case-handling" is unreachable (connection refused)');
    expect(error.message).not.toContain(String(port));
    expect(error.details).toEqual({ source: 'case-handling' });
    expect(String(error.cause)).toContain('ECONNREFUSED');
  });

  it('maps a connection reset before any answer to BadGatewayError', async () => {
    server = await startTestHttpServer((req) => {
      req.socket.destroy();
    });
    source = await startedSource(server.url);
    const error = await failure(source.get('/cases/1'));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).toBe('legacy system "case-handling" is unreachable (connection reset)');
  });

  it('maps malformed JSON to UpstreamDataError, keeping the body out of the message', async () => {
    server = await startTestHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"caseNo": "NJ-1", "status": ');
    });
    source = await startedSource(server.url);
    const error = await failure(source.get('/cases/1'));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(error.message).toBe('legacy system "case-handling" answered with invalid JSON');
    expect(error.details).toEqual({ source: 'case-handling', status: 200 });
    expect(String(error.cause)).toContain('"caseNo": "NJ-1"');
  });

  it('maps bytes invalid in the declared charset to UpstreamDataError', async () => {
    server = await startTestHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    });
    source = await startedSource(server.url);
    await expect(source.get('/cases/1')).rejects.toBeInstanceOf(UpstreamDataError);
  });

  it('maps a body cut off by the legacy system (connection closed early) to UpstreamDataError', async () => {
    server = await startTestHttpServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"caseNo":"NJ-1",', () => req.socket.destroy());
    });
    source = await startedSource(server.url);
    const error = await failure(source.get('/cases/1'));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(error.message).toBe('legacy system "case-handling" answered with an incomplete response');
  });

  it('never has more than maxConcurrency calls in flight, and runs all of them', async () => {
    server = await startTestHttpServer((_req, res) => {
      setTimeout(() => sendJson(res, 200, { ok: true }), 60);
    });
    source = await startedSource(server.url, { maxConcurrency: 3 });
    const calls = Array.from({ length: 10 }, (_, i) => source!.get('/cases', { i }));
    await expect(Promise.all(calls)).resolves.toHaveLength(10);
    expect(server.maxInFlight).toBe(3);
    expect(server.requests).toHaveLength(10);
  });

  it('counts the time spent waiting for a slot against the deadline', async () => {
    server = await startTestHttpServer((_req, res) => {
      setTimeout(() => sendJson(res, 200, { ok: true }), 400);
    });
    source = await startedSource(server.url, { maxConcurrency: 1, timeoutMs: 250 });
    const first = source.get('/slow').catch((error: unknown) => error);
    const started = performance.now();
    const queued = await failure(source.get('/slow'));
    expect(queued).toBeInstanceOf(UpstreamTimeoutError);
    expect(performance.now() - started).toBeLessThan(750);
    expect(await first).toBeInstanceOf(UpstreamTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up as soon as the client request is aborted', async () => {
    server = await startTestHttpServer(() => undefined);
    source = await startedSource(server.url, { timeoutMs: 5000 });
    const controller = new AbortController();
    const call = runInRequestScope({ requestId: 'r-1', logger: silent, signal: controller.signal }, () => source!.get('/cases/1'));
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    const started = performance.now();
    await expect(call).rejects.toThrow('client went away');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(source.stats()).toEqual({ calls: 1, failures: 1, timeouts: 0 });
  });

  it('rejects calls still waiting for a slot when the source stops', async () => {
    server = await startTestHttpServer((_req, res) => {
      setTimeout(() => sendJson(res, 200, { ok: true }), 100);
    });
    source = await startedSource(server.url, { maxConcurrency: 1 });
    const running = source.get('/a');
    const waiting = source.get('/b');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopped = source.stop();
    await expect(waiting).rejects.toThrow('rest source "case-handling" was stopped');
    await expect(running).resolves.toEqual({ ok: true });
    await stopped;
  });
});
