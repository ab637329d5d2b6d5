import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, importJWK } from 'jose';
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import {
  CONTEXT_TOKEN_HEADER,
  createContextTokenSigner,
  createSilentLogger,
  createSubgraph,
  generateContextKeyPair,
  parseSubgraphSecurity,
  securityInputFromEnv,
  type JsonWebKey,
  type Logger,
  type Subgraph,
  type SubgraphContext,
  type SubgraphSecurityOptions,
} from '../..';
import { checkSubgraphConformance } from '../../testing';

let resolverRuns = 0;

@ObjectType('CallerView')
class CallerView {
  @Field() applicationId!: string;
  @Field({ nullable: true }) userSubject?: string;
  @Field({ nullable: true }) purpose?: string;
  @Field() requestId!: string;
  @Field() contextRequestId!: string;
}

@Resolver()
class WhoAmIResolver {
  @Query(() => CallerView)
  whoAmI(@Ctx() ctx: SubgraphContext): CallerView {
    resolverRuns += 1;
    ctx.logger.info('who am I');
    return { ...ctx.caller, contextRequestId: ctx.requestId };
  }
}

interface LogLine {
  level: string;
  bindings: Record<string, unknown>;
  obj: unknown;
  msg?: string;
}

/** A logger that keeps every line with the bindings of its child chain. */
function recordingLogger(lines: LogLine[], bindings: Record<string, unknown> = {}): Logger {
  const write = (level: string) => (obj: object | string, msg?: string) => lines.push({ level, bindings, obj, ...(msg !== undefined ? { msg } : {}) });
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (more) => recordingLogger(lines, { ...bindings, ...more }) };
}

const gateway = generateContextKeyPair();
const signer = createContextTokenSigner({ privateKeyJwk: gateway.privateKeyJwk });

function build(security: SubgraphSecurityOptions, logger: Logger = createSilentLogger()): Subgraph {
  return createSubgraph({ name: 'people', resolvers: [WhoAmIResolver], sources: {}, security, logger });
}

async function ask(subgraph: Subgraph, headers: Record<string, string> = {}, path = '/graphql') {
  await subgraph.start();
  const response = await subgraph.fetch(`http://people.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ whoAmI { applicationId userSubject purpose requestId contextRequestId } }' }),
  });
  return { status: response.status, body: (await response.json()) as { data?: { whoAmI: Record<string, unknown> }; errors?: { message: string; extensions?: { code?: string } }[] } };
}

/** A token with chosen claims and key, for the refusal cases. */
async function craft(claims: Record<string, unknown>, options: { key?: JsonWebKey; expiresIn?: number; issuedAt?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const key = await importJWK(options.key ?? gateway.privateKeyJwk, 'EdDSA');
  return new SignJWT({ rid: 'req-1', ...claims })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setIssuedAt(options.issuedAt ?? now)
    .setExpirationTime((options.issuedAt ?? now) + (options.expiresIn ?? 60))
    .sign(key);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeEach(() => {
  resolverRuns = 0;
});

describe('verify mode', () => {
  const verify: SubgraphSecurityOptions = { mode: 'verify', publicKeyJwk: gateway.publicKeyJwk };

  it('accepts a token signed by the gateway and puts the caller in the context', async () => {
    const token = await signer.sign({ audience: 'people', subject: 'app-42', userSubject: 'user-7', purpose: '公积金贷款审核', requestId: 'rid-1' });
    const { status, body } = await ask(build(verify), { [CONTEXT_TOKEN_HEADER]: token, 'x-request-id': 'req-from-header' });
    expect(status).toBe(200);
    expect(body.data?.whoAmI).toEqual({ applicationId: 'app-42', userSubject: 'user-7', purpose: '公积金贷款审核', requestId: 'rid-1', contextRequestId: 'req-from-header' });
    expect(resolverRuns).toBe(1);
  });

  it('takes the request id from the token when the request has no x-request-id', async () => {
    const token = await signer.sign({ audience: 'people', subject: 'govgraph-gateway', requestId: 'rid-9' });
    const { body } = await ask(build(verify), { [CONTEXT_TOKEN_HEADER]: token });
    expect(body.data?.whoAmI).toMatchObject({ applicationId: 'govgraph-gateway', userSubject: null, purpose: null, requestId: 'rid-9', contextRequestId: 'rid-9' });
  });

  it('binds the application id, never the end user, to the request logger', async () => {
    const lines: LogLine[] = [];
    const token = await signer.sign({ audience: 'people', subject: 'app-42', userSubject: 'user-7', requestId: 'rid-1' });
    await ask(build(verify, recordingLogger(lines)), { [CONTEXT_TOKEN_HEADER]: token });
    const line = lines.find((each) => each.obj === 'who am I');
    expect(line?.bindings).toEqual({ subgraph: 'people', requestId: 'rid-1', applicationId: 'app-42' });
    expect(JSON.stringify(lines)).not.toContain('user-7');
  });

  const refusals: [string, () => Promise<Record<string, string>>][] = [
    ['no token', async () => ({})],
    ['an empty token', async () => ({ [CONTEXT_TOKEN_HEADER]: ' ' })],
    ['garbage', async () => ({ [CONTEXT_TOKEN_HEADER]: 'not.a.jwt' })],
    ['an expired token', async () => ({ [CONTEXT_TOKEN_HEADER]: await craft({ iss: 'govgraph-gateway', aud: 'people', sub: 'app-42' }, { issuedAt: Math.floor(Date.now() / 1000) - 120, expiresIn: 60 }) })],
    ['another subgraph as audience', async () => ({ [CONTEXT_TOKEN_HEADER]: await signer.sign({ audience: 'licences', subject: 'app-42', requestId: 'r' }) })],
    ['another issuer', async () => ({ [CONTEXT_TOKEN_HEADER]: await craft({ iss: 'someone-else', aud: 'people', sub: 'app-42' }) })],
    ['another key', async () => ({ [CONTEXT_TOKEN_HEADER]: await craft({ iss: 'govgraph-gateway', aud: 'people', sub: 'app-42' }, { key: generateContextKeyPair().privateKeyJwk }) })],
    ['alg none', async () => ({ [CONTEXT_TOKEN_HEADER]: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: 'govgraph-gateway', aud: 'people', sub: 'app-42', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 })}.` })],
    ['no subject', async () => ({ [CONTEXT_TOKEN_HEADER]: await craft({ iss: 'govgraph-gateway', aud: 'people' }) })],
    ['a non-string purpose', async () => ({ [CONTEXT_TOKEN_HEADER]: await craft({ iss: 'govgraph-gateway', aud: 'people', sub: 'app-42', pur: 7 }) })],
  ];

  it.each(refusals)('refuses %s with 401 UNAUTHENTICATED, running no resolver', async (_name, headers) => {
    const { status, body } = await ask(build(verify), await headers());
    expect(status).toBe(401);
    expect(body).toEqual({ errors: [{ message: 'Missing or invalid gateway context token', extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } }] });
    expect(resolverRuns).toBe(0);
  });

  it('logs why a token was refused, and counts it in /metrics', async () => {
    const lines: LogLine[] = [];
    const subgraph = build(verify, recordingLogger(lines));
    await ask(subgraph, { [CONTEXT_TOKEN_HEADER]: await signer.sign({ audience: 'licences', subject: 'app-42', requestId: 'r' }) });
    const refusal = lines.find((line) => line.msg === 'refused a request without a valid gateway context token');
    expect(refusal?.level).toBe('warn');
    expect(JSON.stringify(refusal?.obj)).toContain('aud');
    const metrics = await (await subgraph.fetch('http://people.test/metrics')).text();
    expect(metrics).toMatch(/govgraph_subgraph_unauthenticated_requests_total\{subgraph="people"\} 1/);
  });

  it('serves /healthz, /readyz and /metrics without a token', async () => {
    const subgraph = build(verify);
    await subgraph.start();
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await subgraph.fetch(`http://people.test${path}`)).status).toBe(200);
    }
  });

  it('honours a configured issuer and audience', async () => {
    const custom = build({ mode: 'verify', publicKeyJwk: gateway.publicKeyJwk, issuer: 'province-gateway', audience: 'people-v2' });
    const issuedBy = createContextTokenSigner({ privateKeyJwk: gateway.privateKeyJwk, issuer: 'province-gateway' });
    expect((await ask(custom, { [CONTEXT_TOKEN_HEADER]: await issuedBy.sign({ audience: 'people-v2', subject: 'a', requestId: 'r' }) })).status).toBe(200);
    expect((await ask(custom, { [CONTEXT_TOKEN_HEADER]: await issuedBy.sign({ audience: 'people', subject: 'a', requestId: 'r' }) })).status).toBe(401);
    expect((await ask(custom, { [CONTEXT_TOKEN_HEADER]: await signer.sign({ audience: 'people-v2', subject: 'a', requestId: 'r' }) })).status).toBe(401);
  });

  it('verifies against a static JWKS, choosing the key by kid', async () => {
    const other = generateContextKeyPair();
    const subgraph = build({ mode: 'verify', jwks: { keys: [other.publicKeyJwk, gateway.publicKeyJwk] } });
    const token = await signer.sign({ audience: 'people', subject: 'app-1', requestId: 'r' });
    expect((await ask(subgraph, { [CONTEXT_TOKEN_HEADER]: token })).status).toBe(200);
    const stranger = createContextTokenSigner({ privateKeyJwk: generateContextKeyPair().privateKeyJwk });
    expect((await ask(subgraph, { [CONTEXT_TOKEN_HEADER]: await stranger.sign({ audience: 'people', subject: 'app-1', requestId: 'r' }) })).status).toBe(401);
  });

  describe('with the gateway JWKS URL', () => {
    let server: Server;
    let url: string;
    let fetches = 0;
    beforeAll(async () => {
      server = createServer((_request, response) => {
        fetches += 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [gateway.publicKeyJwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/govgraph-jwks.json`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches the keys once and verifies with them', async () => {
      const subgraph = build({ mode: 'verify', jwksUrl: url });
      for (let i = 0; i < 3; i += 1) {
        const token = await signer.sign({ audience: 'people', subject: `app-${i}`, requestId: 'r' });
        expect((await ask(subgraph, { [CONTEXT_TOKEN_HEADER]: token })).body.data?.whoAmI['applicationId']).toBe(`app-${i}`);
      }
      expect(fetches).toBe(1);
    });
  });

  it('lets the conformance kit in with the spec headers, and not without', async () => {
    const subgraph = build(verify);
    const spec = { entities: {}, groups: ['federation', 'health'] as const };
    const signed = await checkSubgraphConformance(
      { subgraph },
      { ...spec, headers: async () => ({ [CONTEXT_TOKEN_HEADER]: await signer.sign({ audience: 'people', subject: 'conformance', requestId: 'conformance' }) }) },
    );
    expect(signed.checks.filter((check) => !check.passed)).toEqual([]);
    const unsigned = await checkSubgraphConformance({ subgraph }, spec);
    expect(unsigned.passed).toBe(false);
  });
});

describe('development mode', () => {
  it('warns loudly when built, and trusts the x-govgraph-application header', async () => {
    const lines: LogLine[] = [];
    const subgraph = build({ mode: 'development' }, recordingLogger(lines));
    const warning = lines.find((line) => line.level === 'warn');
    expect(warning?.msg).toMatch(/DEVELOPMENT security mode: every caller is trusted/);
    expect((await ask(subgraph, { 'x-govgraph-application': 'app-local' })).body.data?.whoAmI['applicationId']).toBe('app-local');
    expect((await ask(subgraph)).body.data?.whoAmI['applicationId']).toBe('development');
  });
});

describe('parseSubgraphSecurity', () => {
  it('applies the defaults', () => {
    expect(parseSubgraphSecurity({ mode: 'verify', jwksUrl: 'http://gw:4000/.well-known/govgraph-jwks.json' })).toEqual({
      mode: 'verify',
      jwksUrl: 'http://gw:4000/.well-known/govgraph-jwks.json',
      issuer: 'govgraph-gateway',
      clockToleranceSeconds: 5,
    });
    expect(parseSubgraphSecurity({ mode: 'development' })).toEqual({ mode: 'development' });
  });

  it('reports every problem at once, and refuses a private key', () => {
    expect(() =>
      parseSubgraphSecurity({ mode: 'verify', publicKeyJwk: gateway.privateKeyJwk, jwksUrl: 'ftp://x', clockToleranceSeconds: -1, colour: 'blue' }),
    ).toThrow(
      'Invalid subgraph security options (5 problems):\n' +
        '  - security.colour: is not an option (typo?)\n' +
        '  - security: give one of publicKeyJwk, jwks, jwksUrl, not publicKeyJwk and jwksUrl\n' +
        '  - security.publicKeyJwk.d: is a private key: give the subgraph the public key only (drop "d")\n' +
        '  - security.jwksUrl: must be an absolute http(s) URL without credentials\n' +
        '  - security.clockToleranceSeconds: must be an integer from 0 to 300',
    );
    expect(() => parseSubgraphSecurity(undefined)).toThrow(/security: is required/);
    expect(() => parseSubgraphSecurity({ mode: 'trust-me' })).toThrow(/security.mode: must be 'verify' or 'development'/);
    expect(() => parseSubgraphSecurity({ mode: 'verify' })).toThrow(/needs the gateway public key/);
    expect(() => parseSubgraphSecurity({ mode: 'verify', publicKeyJwk: { kty: 'RSA', n: 'x', e: 'AQAB' } })).toThrow(/must be an Ed25519 public key/);
  });

  it('is required by createSubgraph', () => {
    expect(() => createSubgraph({ name: 'people', resolvers: [WhoAmIResolver], sources: {}, logger: createSilentLogger() } as never)).toThrow(/security: is required/);
  });
});

describe('securityInputFromEnv', () => {
  it('reads development mode, a JWKS URL or a JWK, and nothing when none is set', () => {
    expect(securityInputFromEnv({ GOVGRAPH_DEV_MODE: '1', GATEWAY_JWKS_URL: 'http://gw/jwks' })).toEqual({ mode: 'development' });
    expect(securityInputFromEnv({ GATEWAY_JWKS_URL: ' http://gw/jwks ' })).toEqual({ mode: 'verify', jwksUrl: 'http://gw/jwks' });
    expect(securityInputFromEnv({ GATEWAY_PUBLIC_KEY_JWK: JSON.stringify(gateway.publicKeyJwk) })).toEqual({ mode: 'verify', publicKeyJwk: gateway.publicKeyJwk });
    expect(securityInputFromEnv({ GATEWAY_PUBLIC_KEY_JWK: '{oops' })).toEqual({ mode: 'verify', publicKeyJwk: '{oops' });
    expect(securityInputFromEnv({ GOVGRAPH_DEV_MODE: '0' })).toBeUndefined();
    expect(securityInputFromEnv({})).toBeUndefined();
  });
});
