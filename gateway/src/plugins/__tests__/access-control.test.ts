import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { createGateway, type Gateway, type ListeningGateway } from '../../app';
import { postGraphQL } from '../../__tests__/helpers/post-graphql';
import { startTestSubgraph, type TestSubgraph } from '../../__tests__/helpers/start-test-subgraph';
import { createSilentLogger } from '../../logger';
import { sha256Hex } from '../../policy/sha256-hex';
import { createMemoryAuditSink } from '../../stores/memory/memory-audit-sink';
import { createMemoryRegistryReader } from '../../stores/memory/memory-registry-reader';
import { hashSecret } from '../../registry/secrets';
import { accessRecords, gatewayJwks, KEYS, LICENCES, PEPPER, USERS } from './helpers/access-fixtures';

describe('access control (enforce mode) over HTTP', () => {
  let users: TestSubgraph;
  let licences: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;
  const reader = createMemoryRegistryReader(accessRecords());
  const sink = createMemoryAuditSink();
  // The principal of each executed operation, as a caller's plugin sees it.
  const principals: unknown[] = [];
  let idpKey: KeyLike;
  let idpJwk: JWK;

  const subgraphCalls = (): number => users.requests.length + licences.requests.length;
  const post = (query: string, key: string | undefined, headers: Record<string, string> = {}, variables?: Record<string, unknown>) =>
    postGraphQL(server.url, query, { headers: { ...(key ? { 'x-api-key': key } : {}), ...headers }, variables });
  const idpToken = (claims: Record<string, unknown>, audience = 'govgraph', expiresIn = '5m') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'idp-1' }).setIssuer('https://idp.example.gov.cn').setAudience(audience).setIssuedAt().setExpirationTime(expiresIn).sign(idpKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    idpKey = pair.privateKey;
    idpJwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'ES256' };
    users = await startTestSubgraph({ name: 'users', ...USERS });
    licences = await startTestSubgraph({ name: 'licences', ...LICENCES });
    gateway = await createGateway(
      {
        supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }, { name: 'licences', url: licences.url }] },
        readiness: { probeCacheMs: 0 },
        limits: { maxDocumentBytes: 4096 },
      },
      {
        logger: createSilentLogger(),
        plugins: [
          {
            onExecute({ args }) {
              principals.push((args.contextValue as { principal?: unknown }).principal);
            },
          },
        ],
        accessControl: {
          mode: 'enforce',
          registry: reader,
          auditSink: sink,
          pepper: PEPPER,
          registryPollMs: 100,
          audit: { flushIntervalMs: 50 },
          clientCredentials: { jwks: { keys: [idpJwk] }, issuer: 'https://idp.example.gov.cn', audience: 'govgraph' },
          endUsers: { jwks: { keys: [idpJwk] }, issuer: 'https://idp.example.gov.cn', audience: 'end-users' },
        },
      },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
    gatewayJwks.url = `${server.url}/.well-known/govgraph-jwks.json`;
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([users?.stop(), licences?.stop()]);
  });

  describe('identifying the application', () => {
    it.each([
      ['no credential', undefined, /Missing credentials/],
      ['an unknown key', 'gg_nobodynobodynobodynobodynobody', /Unknown or revoked API key/],
      ['a revoked key', KEYS.revoked, /Unknown or revoked API key/],
      ['an expired key', KEYS.expired, /Unknown or revoked API key/],
      ['a suspended application', KEYS.suspended, /suspended/],
    ])('refuses %s with 401 UNAUTHENTICATED and a challenge, calling no subgraph', async (_, key, message) => {
      const before = subgraphCalls();
      const result = await post('{ person(id: "p1") { id } }', key);
      expect(result.status).toBe(401);
      expect(result.headers.get('www-authenticate')).toBe('ApiKey realm="govgraph", header="x-api-key", Bearer realm="govgraph"');
      expect(result.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(result.body.errors?.[0]?.message).toMatch(message);
      expect(subgraphCalls()).toBe(before);
    });

    it('refuses before parsing: an unauthenticated invalid document gets 401, not a validation error', async () => {
      const result = await post('{ notAField }', undefined);
      expect(result.status).toBe(401);
    });

    it('identifies an application by a client-credentials access token', async () => {
      const token = await idpToken({ client_id: 'app-basic' });
      const result = await post('{ person(id: "p1") { id } }', undefined, { authorization: `Bearer ${token}` });
      expect(result.status).toBe(200);
      expect(result.body.data).toEqual({ person: { id: 'p1' } });
    });

    it('refuses a token for another audience and a token naming an unknown application', async () => {
      const wrongAudience = await post('{ person(id: "p1") { id } }', undefined, { authorization: `Bearer ${await idpToken({ client_id: 'app-basic' }, 'other')}` });
      const unknownApp = await post('{ person(id: "p1") { id } }', undefined, { authorization: `Bearer ${await idpToken({ client_id: 'app-ghost' })}` });
      expect([wrongAudience.status, unknownApp.status]).toEqual([401, 401]);
      expect(wrongAudience.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });
    it('hands requests without an end user or purpose one frozen principal per application, and others their own', async () => {
      principals.length = 0;
      await post('{ person(id: "p1") { id } }', KEYS.basic);
      await post('{ person(id: "p1") { id } }', KEYS.basic);
      await post('{ person(id: "p1") { id } }', KEYS.basic, { 'x-purpose': 'service' });
      const token = await idpToken({ client_id: 'app-basic' });
      await post('{ person(id: "p1") { id } }', undefined, { authorization: `Bearer ${token}` });
      expect(principals).toHaveLength(4);
      const [first, second, withPurpose, byToken] = principals;
      expect(first).toEqual({ applicationId: 'app-basic', applicationName: expect.any(String), credential: 'api-key', userSubject: undefined, purpose: undefined });
      expect(second).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      expect(withPurpose).toEqual({ ...(first as object), purpose: 'service' });
      expect(byToken).toEqual({ ...(first as object), credential: 'client-credentials' });
      expect(byToken).not.toBe(first);
    });
  });

  describe('grants', () => {
    it('answers a granted operation and masks what the grant does not clear, aliases included', async () => {
      const result = await post('{ person(id: "p1") { id name who: name phone residentId address } }', KEYS.basic);
      expect(result.status).toBe(200);
      expect(result.body.data).toEqual({
        person: { id: 'p1', name: '张*', who: '张*', phone: '138****5678', residentId: '320***********1234', address: '江苏省南京市玄武区****' },
      });
      expect((result.body as { extensions?: unknown }).extensions).toEqual({
        govgraph: {
          masked: [
            { coordinate: 'Person.name', rule: 'name', paths: [['person', 'name'], ['person', 'who']] },
            { coordinate: 'Person.phone', rule: 'phone', paths: [['person', 'phone']] },
            { coordinate: 'Person.residentId', rule: 'resident-id', paths: [['person', 'residentId']] },
            { coordinate: 'Person.address', rule: 'address', paths: [['person', 'address']] },
          ],
        },
      });
    });

    it('masks compound surnames and list items', async () => {
      const result = await post('{ people { name } }', KEYS.basic);
      expect(result.body.data).toEqual({ people: [{ name: '张*' }, { name: '欧阳**' }] });
    });

    it('leaves values an unmask grant clears', async () => {
      const result = await post('{ person(id: "p2") { name phone residentId } }', KEYS.unmask);
      expect(result.body.data).toEqual({ person: { name: '欧阳娜娜', phone: '13900001111', residentId: '110***********002X' } });
      expect((result.body as { extensions?: { govgraph?: { masked?: { coordinate: string }[] } } }).extensions?.govgraph?.masked?.map((m) => m.coordinate)).toEqual(['Person.residentId']);
    });

    it('refuses ungranted coordinates with 403 FORBIDDEN listing all of them, calling no subgraph', async () => {
      const before = subgraphCalls();
      const result = await post('{ person(id: "p1") { id secret licences { title } } }', KEYS.basic);
      expect(result.status).toBe(403);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        denied: [
          { coordinate: 'Licence.title', reason: 'not-granted', grade: 'L1' },
          { coordinate: 'Person.licences', reason: 'not-granted', grade: 'L1' },
          { coordinate: 'Person.secret', reason: 'not-granted', grade: 'L4' },
        ],
      });
      expect(subgraphCalls()).toBe(before);
    });

    it('refuses a coordinate graded above the grant', async () => {
      const result = await post('{ person(id: "p1") { id name } }', KEYS.low, { 'x-purpose': 'statistics' });
      expect(result.status).toBe(403);
      expect(result.body.errors?.[0]?.extensions?.['denied']).toEqual([{ coordinate: 'Person.name', reason: 'grade', grade: 'L2' }]);
    });

    it('refuses a declared purpose the grant is not for, and accepts the right one', async () => {
      const wrong = await post('{ person(id: "p1") { id } }', KEYS.low, { 'x-purpose': 'marketing' });
      const right = await post('{ person(id: "p1") { id } }', KEYS.low, { 'x-purpose': 'statistics' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.errors?.[0]?.extensions?.['denied']).toEqual([
        { coordinate: 'Person.id', reason: 'purpose', grade: 'L1' },
        { coordinate: 'Query.person', reason: 'purpose', grade: 'L1' },
      ]);
      expect(right.status).toBe(200);
    });

    it('sees through named fragments, inline fragments on unions and interfaces', async () => {
      const result = await post(
        `query Q { search { ... on Org { title } ...P } node(id: "o1") { id ... on Org { title } } }
         fragment P on Person { nick: name }`,
        KEYS.low,
      );
      expect(result.status).toBe(403);
      expect((result.body.errors?.[0]?.extensions?.['denied'] as { coordinate: string }[]).map((d) => d.coordinate)).toEqual([
        'Node.id',
        'Org.id',
        'Org.title',
        'Person.name',
        'Query.node',
        'Query.search',
      ]);
    });

    it('grants nested entity fields of another subgraph through a subgraph grant', async () => {
      const result = await post('{ person(id: "p1") { id licences { number title holder { id } } } }', KEYS.licences);
      expect(result.status).toBe(200);
      expect(result.body.data).toEqual({ person: { id: 'p1', licences: [{ number: 'L-1', title: '营业执照', holder: { id: 'p1' } }] } });
    });

    it('allows __typename alone to an application without grants, and calls no subgraph for it', async () => {
      const result = await post('{ __typename }', KEYS.none);
      expect(result.status).toBe(200);
      expect(result.body.data).toEqual({ __typename: 'Query' });
    });

    it('refuses introspection without the introspection grant and allows it with it', async () => {
      const without = await post('{ __schema { queryType { name } } }', KEYS.basic);
      const withGrant = await post('{ __schema { queryType { name } } __type(name: "Person") { name } }', KEYS.introspect);
      expect(without.status).toBe(403);
      expect(without.body.errors?.[0]?.extensions?.['denied']).toEqual([{ coordinate: 'introspection', reason: 'not-granted', grade: 'L1' }]);
      expect(withGrant.status).toBe(200);
      expect(withGrant.body.data).toEqual({ __schema: { queryType: { name: 'Query' } }, __type: { name: 'Person' } });
    });

    it.each(['{ _entities(representations: [{ __typename: "Person", id: "p1" }]) { ... on Person { name } } }', '{ _service { sdl } }'])(
      'refuses the federation field of %s as not in the API schema',
      async (query) => {
        const before = subgraphCalls();
        const result = await post(query, KEYS.unmask);
        expect(result.status).toBe(400);
        expect(result.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(subgraphCalls()).toBe(before);
      },
    );
  });

  describe('end users', () => {
    it('requires an end-user token where the grant says so', async () => {
      const result = await post('{ person(id: "p1") { id } }', KEYS.endUser);
      expect(result.status).toBe(401);
      expect(result.headers.get('www-authenticate')).toBe('EndUserToken realm="govgraph", header="x-end-user-token"');
    });

    it('refuses an invalid end-user token', async () => {
      const result = await post('{ person(id: "p1") { id } }', KEYS.endUser, { 'x-end-user-token': await idpToken({ sub: 'u-1' }, 'govgraph') });
      expect(result.status).toBe(401);
      expect(result.body.errors?.[0]?.message).toMatch(/end-user token is invalid/);
    });

    it('passes the verified end user, purpose and request id to the subgraph in the signed context token', async () => {
      const result = await post('{ whoAmI { issuer audience applicationId userSubject purpose requestId expiresIn } }', KEYS.endUser, {
        'x-end-user-token': `Bearer ${await idpToken({ sub: 'citizen-42' }, 'end-users')}`,
        'x-purpose': 'service',
        'x-request-id': 'req-who-1',
      });
      expect(result.status).toBe(200);
      expect(result.body.data).toEqual({
        whoAmI: { issuer: 'govgraph-gateway', audience: 'users', applicationId: 'app-endUser', userSubject: 'citizen-42', purpose: 'service', requestId: 'req-who-1', expiresIn: 60 },
      });
    });
  });

  describe('gateway calls and the JWKS', () => {
    it('serves the Ed25519 JWKS', async () => {
      const response = await fetch(`${server.url}/.well-known/govgraph-jwks.json`);
      const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
      expect(response.status).toBe(200);
      expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) })]);
      expect(jwks.keys[0]).not.toHaveProperty('d');
    });

    it('signs its composition and readiness calls as the gateway', async () => {
      expect((await gateway.checkReadiness()).ready).toBe(true);
      const { decodeJwt } = await import('jose');
      const composition = users.requests.find((r) => r.query?.includes('_service'));
      const probe = [...users.requests].reverse().find((r) => r.query === '{ __typename }');
      for (const request of [composition, probe]) {
        expect(decodeJwt(request?.headers['x-govgraph-context'] ?? '')).toMatchObject({ iss: 'govgraph-gateway', aud: 'users', sub: 'govgraph-gateway' });
      }
    });
  });

  describe('rate limits', () => {
    it('refuses past requests per second with 429 GW_RATE_LIMITED and Retry-After', async () => {
      const results = [];
      for (let i = 0; i < 3; i += 1) results.push(await post('{ person(id: "p1") { id } }', KEYS.rate));
      expect(results.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(results[2]?.body.errors?.[0]?.extensions?.['code']).toBe('GW_RATE_LIMITED');
      expect(results[2]?.headers.get('retry-after')).toBe('1');
    });

    it('refuses past the daily quota with GW_QUOTA_EXCEEDED and the seconds to the next UTC day', async () => {
      const results = [];
      for (let i = 0; i < 3; i += 1) results.push(await post('{ person(id: "p1") { id } }', KEYS.quota));
      expect(results.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(results[2]?.body.errors?.[0]?.extensions?.['code']).toBe('GW_QUOTA_EXCEEDED');
      const toMidnight = Math.ceil((Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000 - Date.now()) / 1000);
      expect(Math.abs(Number(results[2]?.headers.get('retry-after')) - toMidnight)).toBeLessThanOrEqual(2);
    });
  });

  describe('audit', () => {
    it('writes one exact record per operation, refusals included', async () => {
      await post('{ person(id: "p1") { id phone } }', KEYS.basic, { 'x-request-id': 'audit-ok-1', 'x-purpose': 'service' });
      await post('{ person(id: "p1") { secret } }', KEYS.basic, { 'x-request-id': 'audit-denied-1' });
      await post('{ person(id: "p1") { id } }', undefined, { 'x-request-id': 'audit-anon-1' });
      await gateway.accessControl?.audit?.flush();
      const byId = (id: string) => sink.records.find((r) => r.requestId === id);
      expect(byId('audit-ok-1')).toEqual({
        at: expect.any(Date),
        kind: 'operation',
        applicationId: 'app-basic',
        operationHash: sha256Hex('{ person(id: "p1") { id phone } }'),
        coordinates: [
          { coordinate: 'Person.id', grade: 'L1' },
          { coordinate: 'Person.phone', grade: 'L3' },
          { coordinate: 'Query.person', grade: 'L1' },
        ],
        maxGrade: 'L3',
        purpose: 'service',
        outcome: 'ok',
        durationMs: expect.any(Number),
        subgraphs: ['users'],
        requestId: 'audit-ok-1',
      });
      expect(byId('audit-denied-1')).toMatchObject({ outcome: 'denied', maxGrade: 'L4', subgraphs: [], applicationId: 'app-basic' });
      expect(byId('audit-anon-1')).toMatchObject({ outcome: 'unauthenticated', subgraphs: [], coordinates: [] });
      expect(byId('audit-anon-1')?.applicationId).toBeUndefined();
    });

    it('audits the end user by the hash of the subject only', async () => {
      await post('{ person(id: "p1") { id } }', KEYS.endUser, { 'x-end-user-token': await idpToken({ sub: 'citizen-7' }, 'end-users'), 'x-request-id': 'audit-user-1' });
      await gateway.accessControl?.audit?.flush();
      const record = sink.records.find((r) => r.requestId === 'audit-user-1');
      expect(record?.userSubjectHash).toBe(sha256Hex('citizen-7'));
      expect(JSON.stringify(record)).not.toContain('citizen-7');
    });
  });

  describe('registry changes on a running gateway', () => {
    it('picks up a revoked key and a rotated key within the poll interval', async () => {
      expect((await post('{ person(id: "p1") { id } }', KEYS.unmask)).status).toBe(200);
      const rotated = 'gg_rotatedrotatedrotatedrotatedro';
      const records = accessRecords();
      reader.replace({
        ...records,
        credentials: [
          ...records.credentials.map((c) => (c.applicationId === 'app-unmask' ? { ...c, revokedAt: new Date() } : c)),
          { id: 'key-rotated', applicationId: 'app-unmask', prefix: rotated.slice(0, 8), hash: hashSecret(PEPPER, rotated), expiresAt: null, revokedAt: null, overlapUntil: null },
        ],
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await post('{ person(id: "p1") { id } }', KEYS.unmask)).status).toBe(401);
      expect((await post('{ person(id: "p1") { id } }', rotated)).status).toBe(200);
    });
  });
});
