import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createGateway, type Gateway, type ListeningGateway } from '../app';
import { GW_ERRORS } from '../errors';
import type { GatewayContext } from '../plugins/types';
import { LICENCES_SUBGRAPH, USERS_SUBGRAPH } from './helpers/fixtures';
import { createMemoryLogger } from './helpers/memory-logger';
import { postGraphQL } from './helpers/post-graphql';
import { startTestSubgraph, type TestSubgraph } from './helpers/start-test-subgraph';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A policy-plugin stand-in that fails the way a bug would. */
const useExplodingOperation: Plugin<GatewayContext> = {
  onExecute({ args }) {
    if (getOperationAST(args.document, args.operationName)?.name?.value === 'Explode') throw new Error('connect ECONNREFUSED 10.20.30.40:5432 (registry-db.internal)');
  },
};

describe('gateway over HTTP', () => {
  let users: TestSubgraph;
  let licences: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;
  const memory = createMemoryLogger();

  beforeAll(async () => {
    users = await startTestSubgraph({ name: 'users', ...USERS_SUBGRAPH });
    licences = await startTestSubgraph({ name: 'licences', ...LICENCES_SUBGRAPH });
    gateway = await createGateway(
      {
        supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }, { name: 'licences', url: licences.url }] },
        limits: { maxDocumentBytes: 2048, maxRequestBytes: 65_536 },
        readiness: { probeCacheMs: 0 },
      },
      { logger: memory.logger, plugins: [useExplodingOperation] },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([users?.stop(), licences?.stop()]);
  });

  it('joins two subgraphs into one exact answer', async () => {
    const result = await postGraphQL(
      server.url,
      '{ person(id: "p1") { id name licences { number title holder { name } } } licence(number: "L3") { title holder { id name } } }',
    );

    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      data: {
        person: {
          id: 'p1',
          name: 'Zhang San',
          licences: [
            { number: 'L1', title: 'Business licence', holder: { name: 'Zhang San' } },
            { number: 'L2', title: 'Driving licence', holder: { name: 'Zhang San' } },
          ],
        },
        licence: { title: 'Food trade licence', holder: { id: 'p2', name: 'Li Si' } },
      },
    });
  });

  it("forwards the client's request id to every subgraph call and echoes it", async () => {
    const before = { users: users.requests.length, licences: licences.requests.length };

    const result = await postGraphQL(server.url, '{ person(id: "p1") { name licences { number } } }', {
      headers: { 'x-request-id': 'app-42:checkout.v1' },
    });

    expect(result.status).toBe(200);
    expect(result.headers.get('x-request-id')).toBe('app-42:checkout.v1');
    const sent = [...users.requests.slice(before.users), ...licences.requests.slice(before.licences)];
    expect(sent.length).toBe(2);
    for (const request of sent) expect(request.headers['x-request-id']).toBe('app-42:checkout.v1');
  });

  it.each([
    ['with spaces', 'id with spaces'],
    ['too long', 'a'.repeat(129)],
    ['with a forged log line', 'abc\\n{"level":"error"}'],
  ])('replaces a request id %s by a fresh one and sends that one on', async (_label, bad) => {
    const before = users.requests.length;

    const result = await postGraphQL(server.url, '{ person(id: "p2") { name } }', { headers: { 'x-request-id': bad } });

    const id = result.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(users.requests.slice(before).map((r) => r.headers['x-request-id'])).toEqual([id]);
  });

  it('keeps the code and path of errors a subgraph reports, and the rest of the data', async () => {
    const result = await postGraphQL(server.url, '{ people { name licences { number } } }');

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({
      people: [
        { name: 'Zhang San', licences: [{ number: 'L1' }, { number: 'L2' }] },
        { name: 'Li Si', licences: null },
      ],
    });
    expect(result.body.errors).toEqual([
      {
        message: 'The licence library is down.',
        path: ['people', 1, 'licences'],
        extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', serviceName: 'licences' },
      },
    ]);
  });

  it("does not let a subgraph's HTTP status become the gateway's", async () => {
    const result = await postGraphQL(server.url, '{ brokenLicence { number } person(id: "p1") { name } }');

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ brokenLicence: null, person: { name: 'Zhang San' } });
    expect(result.body.errors).toEqual([
      {
        message: 'The licence register refused the lookup.',
        path: ['brokenLicence'],
        extensions: { code: 'SDK_NOT_FOUND', serviceName: 'licences' },
      },
    ]);
  });

  it.each(['application/json', 'application/graphql-response+json'])(
    'answers a malformed document with 400 GRAPHQL_PARSE_FAILED (Accept: %s)',
    async (accept) => {
      const result = await postGraphQL(server.url, '{ person(id: "p1") { name ', { headers: { accept } });

      expect(result.status).toBe(400);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['GRAPHQL_PARSE_FAILED']);
    },
  );

  it('answers an unknown field with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const result = await postGraphQL(server.url, '{ person(id: "p1") { name salary } }');

    expect(result.status).toBe(400);
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]?.message).toContain('salary');
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document over limits.maxDocumentBytes with 413 GW_DOCUMENT_TOO_LARGE, before any subgraph call', async () => {
    const before = users.requests.length;
    const query = `{ people { name } }\n# ${'x'.repeat(2048)}`;

    const result = await postGraphQL(server.url, query);

    expect(result.status).toBe(413);
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['GW_DOCUMENT_TOO_LARGE']);
    expect(result.body.errors?.[0]?.message).toContain('limit is 2048 bytes');
    expect(users.requests.length).toBe(before);
  });

  it('refuses a request body over limits.maxRequestBytes with 413 REQUEST_ENTITY_TOO_LARGE', async () => {
    const result = await postGraphQL(server.url, '{ people { name } }', { variables: { padding: 'x'.repeat(70_000) } });

    expect(result.status).toBe(413);
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
  });

  it('accepts a document just under the limit', async () => {
    const query = `{ people { name } }\n# ${'x'.repeat(2000)}`;

    const result = await postGraphQL(server.url, query);

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ people: [{ name: 'Zhang San' }, { name: 'Li Si' }] });
  });

  it('masks an unexpected error and logs the original under the request id', async () => {
    const result = await postGraphQL(server.url, 'query Explode { people { name } }', { headers: { 'x-request-id': 'explode-1' } });

    expect(result.status).toBe(500);
    expect(result.body.errors).toEqual([{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(result.text).not.toContain('10.20.30.40');
    expect(result.text).not.toContain('registry-db');
    const logged = memory.lines().find((line) => line['requestId'] === 'explode-1' && line['level'] === 'error');
    expect(JSON.stringify(logged)).toContain('registry-db.internal');
  });

  it('writes one JSON access log line per request, carrying the request id', async () => {
    await postGraphQL(server.url, '{ people { id } }', { headers: { 'x-request-id': 'access-log-1' } });

    const lines = memory.lines().filter((line) => line['requestId'] === 'access-log-1' && line['msg'] === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 200 });
    expect(typeof lines[0]?.['durationMs']).toBe('number');
  });

  it('answers /healthz and /readyz with 200 while every subgraph answers', async () => {
    const health = await fetch(`${server.url}/healthz`);
    const ready = await fetch(`${server.url}/readyz`);

    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    const report = (await ready.json()) as { ready: boolean; subgraphs: Record<string, { ok: boolean }> };
    expect(report.ready).toBe(true);
    expect(report.subgraphs['users']?.ok).toBe(true);
    expect(report.subgraphs['licences']?.ok).toBe(true);
  });
});

describe('gateway with a subgraph down', () => {
  let users: TestSubgraph;
  let licences: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;

  beforeAll(async () => {
    users = await startTestSubgraph({ name: 'users', ...USERS_SUBGRAPH });
    licences = await startTestSubgraph({ name: 'licences', ...LICENCES_SUBGRAPH });
    gateway = await createGateway(
      {
        supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }, { name: 'licences', url: licences.url }] },
        readiness: { probeCacheMs: 0 },
      },
      { logger: createMemoryLogger().logger },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
    await licences.stop();
  });

  afterAll(async () => {
    await gateway?.stop();
    await users?.stop();
  });

  it('returns the data of the other subgraphs and an error naming the failed one, not its URL', async () => {
    const result = await postGraphQL(server.url, '{ person(id: "p1") { name } licence(number: "L1") { title } }');

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ person: { name: 'Zhang San' }, licence: null });
    expect(result.body.errors).toEqual([
      {
        message: 'Subgraph "licences" is unavailable.',
        extensions: { code: 'GW_SUBGRAPH_UNAVAILABLE', serviceName: 'licences' },
      },
    ]);
    const port = new URL(licences.url).port;
    expect(result.text).not.toContain(licences.url);
    expect(result.text).not.toContain('127.0.0.1');
    expect(result.text).not.toContain(port);
  });

  it('keeps the parent object when a nested join fails', async () => {
    const result = await postGraphQL(server.url, '{ person(id: "p2") { id name licences { number } } }');

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ person: { id: 'p2', name: 'Li Si', licences: null } });
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['GW_SUBGRAPH_UNAVAILABLE']);
  });

  it('answers /readyz with 503 naming the subgraph that is down, and /healthz with 200', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    const text = await ready.text();
    const health = await fetch(`${server.url}/healthz`);

    expect(ready.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({
      ready: false,
      subgraphs: { users: { ok: true }, licences: { ok: false, problem: 'unreachable' } },
    });
    expect(text).not.toContain('127.0.0.1');
    expect(health.status).toBe(200);
  });
});

describe('gateway willSendRequest hook', () => {
  it('lets a hook add headers to, or refuse, a subgraph call', async () => {
    const users = await startTestSubgraph({ name: 'users', ...USERS_SUBGRAPH });
    const licences = await startTestSubgraph({ name: 'licences', ...LICENCES_SUBGRAPH });
    const gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }, { name: 'licences', url: licences.url }] } },
      {
        logger: createMemoryLogger().logger,
        willSendRequest: ({ subgraph, headers, call }) => {
          if (subgraph === 'licences') throw GW_ERRORS.GW_DOCUMENT_TOO_LARGE.err('stand-in for an access refusal');
          headers['x-govgraph-context'] = `token-for-${call.context?.requestId ?? 'none'}`;
        },
      },
    );
    const licencesCallsBefore = licences.requests.length;
    try {
      const response = await gateway.yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'hook-1' },
        body: JSON.stringify({ query: '{ person(id: "p1") { name licences { number } } }' }),
      });
      const body = (await response.json()) as unknown;

      expect(response.status).toBe(200);
      expect(body).toEqual({
        data: { person: { name: 'Zhang San', licences: null } },
        errors: [{ message: 'stand-in for an access refusal', extensions: { code: 'GW_DOCUMENT_TOO_LARGE', serviceName: 'licences' } }],
      });
      expect(users.requests.at(-1)?.headers['x-govgraph-context']).toBe('token-for-hook-1');
      expect(licences.requests.length).toBe(licencesCallsBefore);
    } finally {
      await gateway.stop();
      await Promise.all([users.stop(), licences.stop()]);
    }
  });
});
