import { Agent } from 'undici';
import { BadGatewayError, UpstreamDataError, type GovgraphError } from '@govgraph/sdk';
import { createOAuth2Authenticator } from '../auth/create-oauth2-authenticator';
import { parseRestSourceConfig, restSource, type OAuth2ClientCredentialsAuthConfig, type RestSource } from '../index';
import { createRecordingLogger, type RecordingLogger, sendJson, startTestHttpServer, unusedPort, type TestHttpServer } from '@govgraph/sdk/testing';

const SECRET = 'S3cr3t-of-the-gateway';

/** An identity provider that issues tok-1, tok-2, … and records each token request. */
async function startIdp(answer?: (n: number) => { status: number; body: unknown }, delayMs = 0): Promise<TestHttpServer> {
  let issued = 0;
  return startTestHttpServer(async (_req, res) => {
    issued += 1;
    const n = issued;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const { status, body } = answer?.(n) ?? { status: 200, body: { access_token: `tok-${n}`, token_type: 'Bearer', expires_in: 3600 } };
    sendJson(res, status, body);
  });
}

function oauth2(idp: TestHttpServer, extra: Record<string, unknown> = {}) {
  return { kind: 'oauth2-client-credentials', tokenUrl: `${idp.url}/oauth/token`, clientId: 'gateway app', clientSecret: SECRET, ...extra };
}

describe('restSource auth: OAuth2 client credentials', () => {
  let idp: TestHttpServer | undefined;
  let legacy: TestHttpServer | undefined;
  let source: RestSource | undefined;
  let logger: RecordingLogger;

  beforeEach(() => {
    logger = createRecordingLogger();
  });
  afterEach(async () => {
    await source?.stop();
    source = undefined;
    await idp?.close();
    await legacy?.close();
    idp = legacy = undefined;
  });

  async function started(auth: unknown, extra: Record<string, unknown> = {}): Promise<RestSource> {
    source = restSource(parseRestSourceConfig({ name: 'legal-persons', baseUrl: `${legacy?.url}/api`, auth, ...extra }));
    await source.start({ logger });
    return source;
  }

  it('fetches one token for many concurrent calls and sends it as a bearer token', async () => {
    idp = await startIdp(undefined, 50);
    legacy = await startTestHttpServer((req, res) => sendJson(res, 200, { auth: req.headers.authorization }));
    const rest = await started(oauth2(idp, { scope: 'persons:read cases:read', audience: 'legal-persons' }));

    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => rest.get<{ auth: string }>(`/enterprises/${i}`)));

    expect(idp.requests).toHaveLength(1);
    expect(answers.every((answer) => answer.auth === 'Bearer tok-1')).toBe(true);
    const tokenRequest = idp.requests[0];
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.url).toBe('/oauth/token');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'persons:read cases:read',
      audience: 'legal-persons',
    });
    // RFC 6749 §2.3.1: id and secret form-encoded ("gateway app" → "gateway+app"), then Basic.
    expect(tokenRequest?.headers.authorization).toBe(`Basic ${Buffer.from(`gateway+app:${SECRET}`).toString('base64')}`);
    await rest.get('/enterprises/again');
    expect(idp.requests).toHaveLength(1);
  });

  it("sends client_id and client_secret in the body with clientAuth 'body'", async () => {
    idp = await startIdp();
    legacy = await startTestHttpServer((_req, res) => sendJson(res, 200, {}));
    const rest = await started(oauth2(idp, { clientAuth: 'body' }));
    await rest.get('/enterprises/1');
    expect(idp.requests[0]?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(idp.requests[0]?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'gateway app',
      client_secret: SECRET,
    });
  });

  it('fetches a new token once the old one has expired', async () => {
    idp = await startIdp((n) => ({ status: 200, body: { access_token: `tok-${n}`, token_type: 'bearer', expires_in: 1 } }));
    legacy = await startTestHttpServer((req, res) => sendJson(res, 200, { auth: req.headers.authorization }));
    const rest = await started(oauth2(idp, { refreshSkewMs: 0 }));

    await expect(rest.get('/enterprises/1')).resolves.toEqual({ auth: 'Bearer tok-1' });
    await expect(rest.get('/enterprises/2')).resolves.toEqual({ auth: 'Bearer tok-1' });
    await new Promise((resolve) => setTimeout(resolve, 1050));
    await expect(rest.get('/enterprises/3')).resolves.toEqual({ auth: 'Bearer tok-2' });
    expect(idp.requests).toHaveLength(2);
  });

  it('drops the token on a 401, fetches a new one and replays the call once, body included', async () => {
    idp = await startIdp();
    legacy = await startTestHttpServer((req, res, body) =>
      req.headers.authorization === 'Bearer tok-1' ? sendJson(res, 401, { code: 'TOKEN_REVOKED' }) : sendJson(res, 201, { got: JSON.parse(body) }),
    );
    const rest = await started(oauth2(idp));

    await expect(rest.post('/cases', { applicant: 'A' }, { operation: 'createCase' })).resolves.toEqual({ got: { applicant: 'A' } });
    expect(idp.requests).toHaveLength(2);
    expect(legacy.requests.map((r) => [r.method, r.url, r.headers.authorization, r.body])).toEqual([
      ['POST', '/api/cases', 'Bearer tok-1', '{"applicant":"A"}'],
      ['POST', '/api/cases', 'Bearer tok-2', '{"applicant":"A"}'],
    ]);
    expect(rest.stats()).toEqual({ calls: 1, failures: 0, timeouts: 0 });
  });

  it('replays only once: a second 401 is a BadGatewayError', async () => {
    idp = await startIdp();
    legacy = await startTestHttpServer((_req, res) => sendJson(res, 401, { code: 'NO_ACCESS' }));
    const rest = await started(oauth2(idp));
    const error = (await rest.get('/enterprises/1').catch((caught: unknown) => caught)) as GovgraphError;
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.details).toEqual({ source: 'legal-persons', status: 401, upstreamCode: 'NO_ACCESS' });
    expect(legacy.requests).toHaveLength(2);
    expect(idp.requests).toHaveLength(2);
  });

  it('shares one refresh among concurrent calls that all got a 401 for the same token', async () => {
    idp = await startIdp(undefined, 30);
    legacy = await startTestHttpServer((req, res) =>
      req.headers.authorization === 'Bearer tok-1' ? sendJson(res, 401, {}) : sendJson(res, 200, { auth: req.headers.authorization }),
    );
    const rest = await started(oauth2(idp));
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => rest.get<{ auth: string }>(`/enterprises/${i}`)));
    expect(answers.map((a) => a.auth)).toEqual(Array(5).fill('Bearer tok-2'));
    expect(idp.requests).toHaveLength(2);
  });

  it('maps a token endpoint 400 invalid_client to BadGatewayError with the code, never showing or logging the secret', async () => {
    idp = await startIdp(() => ({ status: 400, body: { error: 'invalid_client', error_description: `client secret ${SECRET} is wrong` } }));
    legacy = await startTestHttpServer((_req, res) => sendJson(res, 200, {}));
    const rest = await started(oauth2(idp));

    const error = (await rest.get('/enterprises/1', undefined, { operation: 'getEnterprise' }).catch((caught: unknown) => caught)) as GovgraphError;
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).toBe('legacy system "legal-persons": its token endpoint refused the gateway\'s client credentials (HTTP 400, invalid_client)');
    expect(error.details).toEqual({ source: 'legal-persons', status: 400, upstreamCode: 'invalid_client' });
    expect(String((error.cause as Error).message)).toContain('[redacted]');
    expect(legacy.requests).toHaveLength(0);

    const logged = JSON.stringify(logger.lines);
    expect(logged).toContain('invalid_client');
    expect(logged).toContain('CONN_UPSTREAM_UNAVAILABLE');
    for (const text of [error.message, JSON.stringify(error.details), String((error.cause as Error).message), error.stack ?? '', logged]) {
      expect(text).not.toContain(SECRET);
    }
    // A failed token request is not cached: the next call asks again.
    await expect(rest.get('/enterprises/2')).rejects.toBeInstanceOf(BadGatewayError);
    expect(idp.requests).toHaveLength(2);
  });

  it('maps an unreachable token endpoint to BadGatewayError and an unusable token answer to UpstreamDataError', async () => {
    legacy = await startTestHttpServer((_req, res) => sendJson(res, 200, {}));
    const port = await unusedPort();
    const rest = await started({ kind: 'oauth2-client-credentials', tokenUrl: `http://127.0.0.1:${port}/token`, clientId: 'c', clientSecret: SECRET });
    const down = (await rest.get('/enterprises/1').catch((caught: unknown) => caught)) as GovgraphError;
    expect(down).toBeInstanceOf(BadGatewayError);
    expect(down.message).toBe('legacy system "legal-persons": its token endpoint is unreachable (connection refused)');
    await source?.stop();

    idp = await startIdp(() => ({ status: 200, body: { access_token: 'x', token_type: 'mac' } }));
    const other = await started(oauth2(idp));
    await expect(other.get('/enterprises/1')).rejects.toBeInstanceOf(UpstreamDataError);
  });
});

describe('createOAuth2Authenticator token lifetime', () => {
  let idp: TestHttpServer;
  afterEach(async () => idp.close());

  it('refreshes refreshSkewMs before expires_in, counted from when the token was requested', async () => {
    idp = await startIdp();
    let clock = 1_000_000;
    const auth: OAuth2ClientCredentialsAuthConfig = {
      kind: 'oauth2-client-credentials',
      tokenUrl: `${idp.url}/token`,
      clientId: 'c',
      clientSecret: SECRET,
      clientAuth: 'basic',
      refreshSkewMs: 30_000,
    };
    const authenticator = createOAuth2Authenticator(auth, { source: 's', dispatcher: new Agent(), timeoutMs: 2000, now: () => clock });
    const signal = new AbortController().signal;
    try {
      expect((await authenticator.credentials(signal)).headers).toEqual({ authorization: 'Bearer tok-1' });
      clock += 3_569_999; // expires_in 3600 s − 30 s skew − 1 ms
      expect((await authenticator.credentials(signal)).headers).toEqual({ authorization: 'Bearer tok-1' });
      expect(authenticator.cached().headers).toEqual({ authorization: 'Bearer tok-1' });
      clock += 1;
      expect(authenticator.cached().headers).toEqual({});
      expect((await authenticator.credentials(signal)).headers).toEqual({ authorization: 'Bearer tok-2' });
      expect(idp.requests).toHaveLength(2);
    } finally {
      await authenticator.close();
    }
  });
});
