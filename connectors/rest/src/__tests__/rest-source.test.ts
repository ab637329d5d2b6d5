import {
  BadGatewayError,
  BadRequestError,
  ConflictError,
  createSilentLogger,
  GovgraphError,
  NotFoundError,
  runInRequestScope,
  UnprocessableContentError,
  UpstreamDataError,
} from '@govgraph/sdk';
import { parseRestSourceConfig, pathSegment, restSource, type RestSource } from '../index';
import { createRecordingLogger, sendJson, startTestHttpServer, type TestHttpServer } from '@govgraph/sdk/testing';

interface CaseRecord {
  caseNo: string;
  applicantId: string;
  status: string;
}

const CASE: CaseRecord = { caseNo: 'NJ-2024-000123', applicantId: '32010219900101123X', status: 'ACCEPTED' };

describe('restSource calls', () => {
  let server: TestHttpServer;
  let source: RestSource;

  beforeAll(async () => {
    server = await startTestHttpServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const status = /^\/api\/status\/(\d+)$/.exec(url.pathname);
      if (status) {
        const code = Number(status[1]);
        const payload = url.searchParams.get('shape') === 'flat' ? { code: 'FLAT_CODE', message: 'x' } : { error: { code: 'TRANSITION_NOT_ALLOWED', message: 'secret detail' } };
        return sendJson(res, code, payload);
      }
      switch (url.pathname) {
        case '/api/cases/NJ-2024-000123':
          return sendJson(res, 200, CASE);
        case '/api/echo':
          return sendJson(res, 200, { method: req.method, url: req.url, body: body ? JSON.parse(body) : null, headers: req.headers });
        case '/api/empty':
          res.writeHead(204);
          return res.end();
        case '/api/html-error':
          res.writeHead(500, { 'content-type': 'text/html' });
          return res.end('<html>stack trace at db.internal:5432</html>');
        case '/api/gbk': {
          const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xd5, 0xc5, 0xc8, 0xfd, 0x22, 0x7d]); // {"n":"张三"} in GBK
          res.writeHead(200, { 'content-type': 'application/json; charset=GBK' });
          return res.end(bytes);
        }
        case '/api/big':
          return sendJson(res, 200, { blob: 'x'.repeat(4096) });
        case '/api/big-chunked':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"blob":"');
          res.write('x'.repeat(4096));
          return res.end('"}');
        default:
          return sendJson(res, 404, { code: 'NO_ROUTE' });
      }
    });
    source = restSource(
      parseRestSourceConfig({ name: 'case-handling', baseUrl: `${server.url}/api/`, headers: { 'X-Api-Key': 'k-123' }, maxResponseBytes: 2048 }),
    );
    await source.start({ logger: createSilentLogger() });
  });

  afterAll(async () => {
    await source.stop();
    await server.close();
  });

  it('resolves with the parsed body of a successful call', async () => {
    await expect(source.get<CaseRecord>(`/cases/${pathSegment('NJ-2024-000123')}`)).resolves.toEqual(CASE);
  });

  it('sends the static headers, JSON body and accept header', async () => {
    const echoed = await source.post<{ method: string; body: unknown; headers: Record<string, string> }>('/echo', { name: '张三', n: 1 });
    expect(echoed.method).toBe('POST');
    expect(echoed.body).toEqual({ name: '张三', n: 1 });
    expect(echoed.headers['x-api-key']).toBe('k-123');
    expect(echoed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(echoed.headers['accept']).toBe('application/json');
  });

  it('encodes query values, repeats array keys and leaves out null and undefined', async () => {
    const echoed = await source.get<{ url: string }>('/echo', {
      q: '张三 & co=1+2?#/',
      status: ['ACCEPTED', 'DONE'],
      page: 2,
      open: true,
      skipped: undefined,
      alsoSkipped: null,
    });
    expect(echoed.url).toBe(
      '/api/echo?q=%E5%BC%A0%E4%B8%89%20%26%20co%3D1%2B2%3F%23%2F&status=ACCEPTED&status=DONE&page=2&open=true',
    );
    const params = new URL(echoed.url, 'http://x').searchParams;
    expect(params.get('q')).toBe('张三 & co=1+2?#/');
    expect(params.getAll('status')).toEqual(['ACCEPTED', 'DONE']);
  });

  it('sends per-call headers and lets them override static ones', async () => {
    const echoed = await source.get<{ headers: Record<string, string> }>('/echo', undefined, { headers: { 'X-Api-Key': 'override', 'x-purpose': 'audit' } });
    expect(echoed.headers['x-api-key']).toBe('override');
    expect(echoed.headers['x-purpose']).toBe('audit');
  });

  it('resolves 204 with undefined', async () => {
    await expect(source.request({ method: 'DELETE', path: '/empty' })).resolves.toBeUndefined();
  });

  it('decodes a body in the charset the response declares', async () => {
    await expect(source.get('/gbk')).resolves.toEqual({ n: '张三' });
  });

  it.each([
    [400, BadRequestError, 'BAD_USER_INPUT'],
    [401, BadGatewayError, 'CONN_UPSTREAM_UNAVAILABLE'],
    [403, BadGatewayError, 'CONN_UPSTREAM_UNAVAILABLE'],
    [404, NotFoundError, 'SDK_NOT_FOUND'],
    [409, ConflictError, 'SDK_CONFLICT'],
    [422, UnprocessableContentError, 'SDK_UNPROCESSABLE'],
    [429, BadGatewayError, 'CONN_UPSTREAM_UNAVAILABLE'],
    [500, BadGatewayError, 'CONN_UPSTREAM_UNAVAILABLE'],
    [503, BadGatewayError, 'CONN_UPSTREAM_UNAVAILABLE'],
    [405, BadGatewayError, 'CONN_UPSTREAM_UNAVAILABLE'],
  ])('maps HTTP %i to %p', async (status, errorClass, code) => {
    const error = await source.get(`/status/${status}`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(errorClass);
    expect((error as GovgraphError).code).toBe(code);
    expect((error as GovgraphError).details).toEqual({ source: 'case-handling', status, upstreamCode: 'TRANSITION_NOT_ALLOWED' });
    expect((error as Error).message).toContain('legacy system "case-handling"');
    expect((error as Error).message).toContain(String(status));
    expect((error as Error).message).not.toContain('127.0.0.1');
    expect((error as Error).message).not.toContain('secret detail');
    expect(String((error as Error).cause)).toContain('secret detail');
  });

  it('reads a flat { code } as the upstream code', async () => {
    const error = await source.get('/status/409', { shape: 'flat' }).catch((caught: unknown) => caught);
    expect((error as GovgraphError).details).toEqual({ source: 'case-handling', status: 409, upstreamCode: 'FLAT_CODE' });
  });

  it('maps a non-JSON error page by status alone and keeps its body out of the message', async () => {
    const error = await source.get('/html-error').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as GovgraphError).details).toEqual({ source: 'case-handling', status: 500 });
    expect((error as Error).message).not.toMatch(/db\.internal|html/);
    expect(String((error as Error).cause)).toContain('db.internal');
  });

  it('fails with UpstreamDataError when the body exceeds maxResponseBytes (declared or streamed)', async () => {
    await expect(source.get('/big')).rejects.toBeInstanceOf(UpstreamDataError);
    await expect(source.get('/big-chunked')).rejects.toBeInstanceOf(UpstreamDataError);
  });

  it('checks the body with the caller schema and reports a mismatch as UpstreamDataError', async () => {
    const schema = {
      parse(value: unknown): CaseRecord {
        if (typeof value === 'object' && value !== null && 'caseNo' in value && 'missing' in value) return value as unknown as CaseRecord;
        throw new Error('missing field "missing"');
      },
    };
    const error = await source.get(`/cases/NJ-2024-000123`, undefined, { schema }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as GovgraphError).details).toEqual({ source: 'case-handling', status: 200 });
  });

  it('forwards the request id of the current request scope and logs one line on its logger', async () => {
    const logger = createRecordingLogger();
    const echoed = await runInRequestScope({ requestId: 'req-7f3a', logger }, () =>
      source.get<{ headers: Record<string, string> }>('/echo', undefined, { operation: 'echoHeaders' }),
    );
    expect(echoed.headers['x-request-id']).toBe('req-7f3a');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'debug', obj: { source: 'case-handling', operation: 'echoHeaders', status: 200 } });
    expect(logger.lines[0]?.obj['durationMs']).toEqual(expect.any(Number));
  });

  it('logs a failed call with its error code and raw cause, never the path', async () => {
    const logger = createRecordingLogger();
    await runInRequestScope({ requestId: 'req-1', logger }, () => source.get('/status/503').catch(() => undefined));
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'warn', obj: { source: 'case-handling', operation: 'GET', status: 503, error: 'CONN_UPSTREAM_UNAVAILABLE' } });
    expect(JSON.stringify(logger.lines[0]?.obj)).not.toContain('"path"');
  });

  it('sends no request id outside a request scope', async () => {
    const echoed = await source.get<{ headers: Record<string, string> }>('/echo');
    expect(echoed.headers['x-request-id']).toBeUndefined();
  });

  it('refuses paths that are not pre-encoded or try to leave the base path, before sending anything', async () => {
    const before = server.requests.length;
    for (const path of ['cases', '/cases/a b', '/cases/../admin', '/cases/%2e%2E/x', '/echo?x=1', '/cases/张三']) {
      await expect(source.get(path)).rejects.toThrow(/path must start with '\/'/);
    }
    expect(server.requests.length).toBe(before);
  });

  it('refuses headers the source sets itself', async () => {
    await expect(source.get('/echo', undefined, { headers: { 'x-request-id': 'forged' } })).rejects.toThrow(/header "x-request-id"/);
    await expect(source.get('/echo', undefined, { headers: { 'x-bad': 'a\r\nb' } })).rejects.toThrow(/header "x-bad"/);
  });

  it('counts calls and failures', async () => {
    const fresh = restSource(parseRestSourceConfig({ name: 'counted', baseUrl: `${server.url}/api` }));
    await fresh.start({ logger: createSilentLogger() });
    await fresh.get('/echo');
    await fresh.get('/status/404').catch(() => undefined);
    expect(fresh.stats()).toEqual({ calls: 2, failures: 1, timeouts: 0 });
    await fresh.stop();
  });
});

describe('restSource lifecycle', () => {
  const config = parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://127.0.0.1:9' });

  it('fails clearly when called before start()', async () => {
    const source = restSource(config);
    await expect(source.get('/x')).rejects.toThrow('rest source "case-handling" is not started: call start() first');
    expect(source.stats().calls).toBe(0);
  });

  it('fails clearly after stop(), and stop() is idempotent', async () => {
    const source = restSource(config);
    await source.start({ logger: createSilentLogger() });
    await source.stop();
    await source.stop();
    await expect(source.get('/x')).rejects.toThrow('rest source "case-handling" is stopped');
    await expect(source.start({ logger: createSilentLogger() })).rejects.toThrow(/already stopped/);
  });

  it('has kind "rest" and the configured name', () => {
    const source = restSource(config);
    expect(source.kind).toBe('rest');
    expect(source.name).toBe('case-handling');
  });
});
