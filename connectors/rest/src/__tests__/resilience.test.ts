/**
 * The resilience policy against a real HTTP server: retries only of
 * idempotent calls, Retry-After, the circuit breaker, the bulkhead and the
 * rate limit, each observed from the server's side (what reached it, when).
 */
import { BadGatewayError, createSilentLogger, GovgraphError, NotFoundError, UpstreamDataError } from '@govgraph/sdk';
import { Registry } from 'prom-client';
import { parseRestSourceConfig, restSource, type RestSource } from '../index';
import { sendJson, startTestHttpServer, type TestHttpServer } from '@govgraph/sdk/testing';

async function failure(promise: Promise<unknown>): Promise<GovgraphError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as GovgraphError,
  );
}

describe('restSource resilience', () => {
  let server: TestHttpServer;
  let source: RestSource | undefined;
  let registry: Registry;

  async function start(handler: Parameters<typeof startTestHttpServer>[0], extra: Record<string, unknown> = {}): Promise<RestSource> {
    server = await startTestHttpServer(handler);
    registry = new Registry();
    source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: server.url, ...extra }));
    await source.start({ logger: createSilentLogger(), metrics: registry });
    return source;
  }

  afterEach(async () => {
    await source?.stop();
    source = undefined;
    await server?.close();
  });

  it('never retries a POST (not declared idempotent): one request after a 503', async () => {
    const cases = await start((_req, res) => sendJson(res, 503, { error: { code: 'DOWN' } }));
    const error = await failure(cases.post('/cases', { applicantId: 'x' }, { operation: 'createCase' }));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.details).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET after 503s with growing delays, and succeeds on the third attempt', async () => {
    let failuresLeft = 2;
    const cases = await start((_req, res) => (failuresLeft-- > 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { caseNo: 'NJ-1' })), {
      capabilities: { retry: { initialDelayMs: 50, maxDelayMs: 400 } },
    });
    await expect(cases.get('/cases/NJ-1', undefined, { operation: 'getCase' })).resolves.toEqual({ caseNo: 'NJ-1' });
    expect(server.requests).toHaveLength(3);
    expect(cases.stats()).toEqual({ calls: 1, failures: 0, timeouts: 0 });
    const metrics = await registry.metrics();
    expect(metrics).toContain('govgraph_source_retries_total{source="case-handling",operation="getCase"} 2');
    expect(metrics).toContain('govgraph_source_calls_total{source="case-handling",operation="getCase",outcome="success"} 1');
  });

  it('gives up after maxAttempts and answers with the last failure', async () => {
    const cases = await start((_req, res) => sendJson(res, 502, {}), { capabilities: { retry: { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 20 } } });
    const error = await failure(cases.get('/cases/NJ-1'));
    expect(error.message).toBe('legacy system "case-handling" failed (HTTP 502)');
    expect(server.requests).toHaveLength(4);
  });

  it('retries a POST that the manifest declares idempotent, by operation name', async () => {
    let failuresLeft = 1;
    const cases = await start((_req, res) => (failuresLeft-- > 0 ? sendJson(res, 500, {}) : sendJson(res, 200, [])), {
      capabilities: { idempotentOperations: ['batchGetCases'], retry: { initialDelayMs: 10 } },
    });
    await expect(cases.post('/cases/batch', { numbers: ['a'] }, { operation: 'batchGetCases' })).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('lets a manifest that lists idempotentOperations decide for GET too', async () => {
    const cases = await start((_req, res) => sendJson(res, 503, {}), { capabilities: { idempotentOperations: ['batchGetCases'] } });
    await failure(cases.get('/cases/NJ-1'));
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a 4xx or unreadable data', async () => {
    const cases = await start((req, res) => {
      if (req.url === '/missing') return sendJson(res, 404, {});
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"caseNo":');
    });
    expect(await failure(cases.get('/missing'))).toBeInstanceOf(NotFoundError);
    expect(await failure(cases.get('/garbled'))).toBeInstanceOf(UpstreamDataError);
    expect(server.requests).toHaveLength(2);
  });

  it('retries after a connection reset', async () => {
    let resetsLeft = 1;
    const cases = await start((req, res) => (resetsLeft-- > 0 ? req.socket.destroy() : sendJson(res, 200, { ok: true })), {
      capabilities: { retry: { initialDelayMs: 10 } },
    });
    await expect(cases.get('/cases/NJ-1')).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After: the second attempt comes about a second after a 429 asking for 1 s', async () => {
    const arrivals: number[] = [];
    const cases = await start((_req, res) => {
      arrivals.push(performance.now());
      if (arrivals.length === 1) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        return res.end('{}');
      }
      return sendJson(res, 200, { ok: true });
    });
    await expect(cases.get('/cases/NJ-1')).resolves.toEqual({ ok: true });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(980);
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(1600);
  });

  it('gives up at once, showing retryAfterMs, when Retry-After asks for more than the deadline leaves', async () => {
    const cases = await start(
      (_req, res) => {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '30' });
        res.end('{}');
      },
      { timeoutMs: 2000, capabilities: { retry: { maxRetryAfterMs: 60_000 } } },
    );
    const started = performance.now();
    const error = await failure(cases.get('/cases/NJ-1'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.details).toEqual({ source: 'case-handling', status: 503, retryAfterMs: 30_000 });
    expect(server.requests).toHaveLength(1);
  });

  it('opens the circuit after consecutive failures, fails fast without calling, shows it in health and metrics, and closes on recovery', async () => {
    let down = true;
    const cases = await start((req, res) => (req.url === '/healthz' ? sendJson(res, 200, {}) : down ? sendJson(res, 503, {}) : sendJson(res, 200, { ok: true })), {
      capabilities: { idempotentOperations: [], circuitBreaker: { consecutiveFailures: 3, halfOpenAfterMs: 300 } },
    });
    for (let i = 0; i < 3; i += 1) expect((await failure(cases.get('/cases/1'))).details).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(3);

    const started = performance.now();
    const open = await failure(cases.get('/cases/1'));
    expect(performance.now() - started).toBeLessThan(50);
    expect(open).toBeInstanceOf(BadGatewayError);
    expect(open.message).toBe('legacy system "case-handling" is unavailable (circuit open)');
    expect(open.details).toEqual({ source: 'case-handling', circuit: 'open' });
    expect(server.requests).toHaveLength(3);
    expect(cases.circuit?.()).toBe('open');
    await expect(cases.checkHealth()).resolves.toMatchObject({ status: 'down', circuit: 'open' });
    const metrics = await registry.metrics();
    expect(metrics).toContain('govgraph_source_circuit_state{source="case-handling"} 2');
    expect(metrics).toContain('govgraph_source_rejections_total{source="case-handling",operation="GET",reason="circuit-open"} 1');

    down = false;
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect(cases.circuit?.()).toBe('half-open');
    expect(await registry.metrics()).toContain('govgraph_source_circuit_state{source="case-handling"} 1');
    await expect(cases.get('/cases/1')).resolves.toEqual({ ok: true });
    expect(cases.circuit?.()).toBe('closed');
    expect(await registry.metrics()).toContain('govgraph_source_circuit_state{source="case-handling"} 0');
    await expect(cases.checkHealth()).resolves.toEqual({ status: 'up', detail: 'HTTP 200', latencyMs: expect.any(Number) });
  });

  it('does not count answers (404, 500) towards opening the circuit', async () => {
    const cases = await start((req, res) => sendJson(res, req.url === '/boom' ? 500 : 404, {}), {
      capabilities: { idempotentOperations: [], circuitBreaker: { consecutiveFailures: 2 } },
    });
    for (let i = 0; i < 3; i += 1) await failure(cases.get('/boom'));
    await failure(cases.get('/missing'));
    expect(cases.circuit?.()).toBe('closed');
    expect(server.requests).toHaveLength(4);
  });

  it('stops a retry once the circuit opens, keeping the failure it had', async () => {
    const cases = await start((_req, res) => sendJson(res, 503, {}), {
      capabilities: { retry: { maxAttempts: 5, initialDelayMs: 5, maxDelayMs: 10 }, circuitBreaker: { consecutiveFailures: 2 } },
    });
    const error = await failure(cases.get('/cases/1'));
    expect(error.details).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(2);
  });

  it('fails the 4th concurrent call at once as saturated with maxConcurrency 2 and maxQueue 1', async () => {
    const cases = await start((_req, res) => setTimeout(() => sendJson(res, 200, { ok: true }), 200), {
      capabilities: { maxConcurrency: 2, maxQueue: 1 },
    });
    const admitted = [cases.get('/a'), cases.get('/b'), cases.get('/c')];
    const started = performance.now();
    const rejected = await failure(cases.get('/d'));
    expect(performance.now() - started).toBeLessThan(50);
    expect(rejected).toBeInstanceOf(BadGatewayError);
    expect(rejected.message).toBe('legacy system "case-handling" is saturated');
    expect(rejected.details).toEqual({ source: 'case-handling', rejection: 'saturated' });
    await expect(Promise.all(admitted)).resolves.toHaveLength(3);
    expect(server.maxInFlight).toBe(2);
    expect(server.requests).toHaveLength(3);
    expect(await registry.metrics()).toContain('govgraph_source_rejections_total{source="case-handling",operation="GET",reason="saturated"} 1');
  });

  it('paces calls at maxRequestsPerSecond, and refuses one that could not start before its deadline', async () => {
    const arrivals: number[] = [];
    const cases = await start(
      (_req, res) => {
        arrivals.push(performance.now());
        sendJson(res, 200, {});
      },
      { timeoutMs: 1000, capabilities: { maxRequestsPerSecond: 10 } },
    );
    await Promise.all(Array.from({ length: 5 }, (_, i) => cases.get(`/p/${i}`)));
    expect(arrivals).toHaveLength(5);
    // 4 intervals of 100 ms (400 ms) at the sender; a late first arrival can shorten the span seen by the server,
    // while a limiter that does not pace would deliver all five within a few milliseconds.
    expect(arrivals[4]! - arrivals[0]!).toBeGreaterThanOrEqual(300);
    // Arrival times at the server carry scheduling jitter on a loaded machine, so one interval may look
    // short after a late one; any two intervals (200 ms nominal) still cannot shrink below 100 ms.
    for (let i = 2; i < 5; i += 1) expect(arrivals[i]! - arrivals[i - 2]!).toBeGreaterThanOrEqual(100);

    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => cases.get(`/q/${i}`).then(() => 'ok', (error: GovgraphError) => error.details?.['rejection'])));
    expect(burst.filter((outcome) => outcome === 'rate-limited').length).toBeGreaterThanOrEqual(4);
    expect(burst.filter((outcome) => outcome === 'ok').length).toBeGreaterThanOrEqual(9);
  });
});

describe('restSource capabilities', () => {
  it('takes timeoutMs and maxConcurrency as shortcuts of the manifest, exposes it, and refuses contradictions', () => {
    const config = parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://127.0.0.1:9', timeoutMs: '1500', capabilities: { maxConcurrency: 4, pagination: 'page' } });
    expect(config).toMatchObject({ timeoutMs: 1500, maxConcurrency: 4 });
    expect(restSource(config).capabilities).toMatchObject({ timeoutMs: 1500, maxConcurrency: 4, maxQueue: 100, pagination: 'page', batch: false });
    expect(restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://127.0.0.1:9' })).capabilities.retry.maxAttempts).toBe(3);
    expect(() =>
      parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1500, capabilities: { timeoutMs: 3000, retry: { maxAttempts: 0 } } }),
    ).toThrow(/capabilities\.retry\.maxAttempts: /);
    expect(() => parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1500, capabilities: { timeoutMs: 3000 } })).toThrow(
      'capabilities.timeoutMs: contradicts the timeoutMs option (1500): give one of them, or the same value, got 3000',
    );
  });
});
