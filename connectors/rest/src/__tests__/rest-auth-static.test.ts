import { BadGatewayError, ConfigError, createSilentLogger } from '@govgraph/sdk';
import { parseRestSourceConfig, restSource, type RestSource } from '../index';
import { sendJson, startTestHttpServer, type TestHttpServer } from '@govgraph/sdk/testing';

const silent = createSilentLogger();

describe('restSource auth: API key and Basic', () => {
  let server: TestHttpServer;
  let source: RestSource | undefined;

  beforeEach(async () => {
    server = await startTestHttpServer((req, res) => sendJson(res, 200, { url: req.url }));
  });
  afterEach(async () => {
    await source?.stop();
    source = undefined;
    await server.close();
  });

  async function started(auth: unknown): Promise<RestSource> {
    source = restSource(parseRestSourceConfig({ name: 'legal-persons', baseUrl: server.url, auth }));
    await source.start({ logger: silent });
    return source;
  }

  it('sends an API key in x-api-key by default', async () => {
    const rest = await started({ kind: 'api-key', value: 'k-123' });
    await rest.get('/enterprises/1');
    expect(server.requests[0]?.headers['x-api-key']).toBe('k-123');
    expect(server.requests[0]?.url).toBe('/enterprises/1');
  });

  it('sends an API key in a named header', async () => {
    const rest = await started({ kind: 'api-key', header: 'X-Dept-Key', value: 'k-456' });
    await rest.get('/enterprises/1');
    expect(server.requests[0]?.headers['x-dept-key']).toBe('k-456');
    expect(server.requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('sends an API key as a query parameter after the call’s own query, encoded', async () => {
    const rest = await started({ kind: 'api-key', query: 'appKey', value: 'a b&c' });
    await rest.get('/enterprises', { name: '南京' });
    expect(server.requests[0]?.url).toBe('/enterprises?name=%E5%8D%97%E4%BA%AC&appKey=a%20b%26c');
    await rest.get('/enterprises/1');
    expect(server.requests[1]?.url).toBe('/enterprises/1?appKey=a%20b%26c');
    expect(server.requests[1]?.headers['x-api-key']).toBeUndefined();
  });

  it('refuses a call that sets the API key parameter itself', async () => {
    const rest = await started({ kind: 'api-key', query: 'appKey', value: 'k' });
    await expect(rest.get('/enterprises', { appKey: 'other' })).rejects.toThrow('query parameter "appKey" is set by the source\'s auth');
    expect(server.requests).toHaveLength(0);
  });

  it('sends HTTP Basic credentials (RFC 7617, UTF-8)', async () => {
    const rest = await started({ kind: 'basic', username: 'gateway', password: 'pä:ss' });
    await rest.get('/enterprises/1');
    const header = server.requests[0]?.headers.authorization ?? '';
    expect(header).toBe(`Basic ${Buffer.from('gateway:pä:ss', 'utf8').toString('base64')}`);
  });

  it('sends static credentials on health probes too', async () => {
    const rest = await started({ kind: 'api-key', query: 'appKey', value: 'k-1' });
    await expect(rest.checkHealth()).resolves.toMatchObject({ status: 'up' });
    expect(server.requests[0]?.url).toBe('/healthz?appKey=k-1');
  });

  it('reports a 401 to static credentials as BadGatewayError without replaying', async () => {
    await server.close();
    server = await startTestHttpServer((_req, res) => sendJson(res, 401, { code: 'BAD_KEY' }));
    const rest = await started({ kind: 'api-key', value: 'wrong' });
    const error = await rest.get('/enterprises/1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as BadGatewayError).details).toEqual({ source: 'legal-persons', status: 401, upstreamCode: 'BAD_KEY' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('parseRestSourceConfig auth', () => {
  const base = { name: 'legal-persons', baseUrl: 'https://persons.internal/api' };
  const problemsOf = (input: unknown): string => {
    try {
      parseRestSourceConfig(input);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('applies the defaults of each kind', () => {
    expect(parseRestSourceConfig({ ...base, auth: { kind: 'api-key', value: 'k' } }).auth).toEqual({ kind: 'api-key', header: 'x-api-key', value: 'k' });
    expect(
      parseRestSourceConfig({ ...base, auth: { kind: 'oauth2-client-credentials', tokenUrl: 'https://idp/token', clientId: 'c', clientSecret: 's' } }).auth,
    ).toEqual({ kind: 'oauth2-client-credentials', tokenUrl: 'https://idp/token', clientId: 'c', clientSecret: 's', clientAuth: 'basic', refreshSkewMs: 30000 });
    expect(parseRestSourceConfig({ ...base }).auth).toBeUndefined();
  });

  it('reports every bad auth option without echoing a secret', () => {
    const message = problemsOf({
      ...base,
      auth: { kind: 'oauth2-client-credentials', tokenUrl: 'ftp://idp/token', clientId: '', clientSecret: 'TOP-SECRET-1', clientAuth: 'jwt', extra: 1 },
    });
    expect(message).toContain('auth.tokenUrl');
    expect(message).toContain('auth.clientId');
    expect(message).toContain('auth.clientAuth');
    expect(message).toContain('auth.extra: is not an option');
    expect(message).not.toContain('TOP-SECRET-1');
  });

  it('refuses an API key in both a header and the query, an unknown kind, and a bare string', () => {
    expect(problemsOf({ ...base, auth: { kind: 'api-key', header: 'x-key', query: 'key', value: 'SECRET-2' } })).toContain('auth.query: give header or query, not both');
    expect(problemsOf({ ...base, auth: { kind: 'digest', value: 'SECRET-3' } })).toContain('auth.kind');
    const bare = problemsOf({ ...base, auth: 'Bearer SECRET-4' });
    expect(bare).toContain("auth: must be an object with a 'kind'");
    expect(bare).not.toContain('SECRET-4');
  });

  it('refuses mtls over http, and a credential header also set in headers', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n';
    expect(problemsOf({ ...base, baseUrl: 'http://persons.internal', auth: { kind: 'mtls', cert: pem, key: pem } })).toContain("auth.kind: 'mtls' needs an https baseUrl");
    const message = problemsOf({ ...base, headers: { authorization: 'Basic SECRET-5' }, auth: { kind: 'basic', username: 'u', password: 'p' } });
    expect(message).toContain('headers.authorization: is also set by auth (basic)');
    expect(message).not.toContain('SECRET-5');
  });

  it("refuses a Basic username with ':'", () => {
    expect(problemsOf({ ...base, auth: { kind: 'basic', username: 'a:b', password: 'p' } })).toContain("auth.username: must not contain ':'");
  });
});
