import { createGateway, type Gateway, type ListeningGateway } from '../../app';
import { postGraphQL } from '../../__tests__/helpers/post-graphql';
import { startTestSubgraph, type TestSubgraph } from '../../__tests__/helpers/start-test-subgraph';
import { createMemoryLogger } from '../../__tests__/helpers/memory-logger';
import { createSilentLogger } from '../../logger';
import { sha256Hex } from '../../policy/sha256-hex';
import { createMemoryAuditSink } from '../../stores/memory/memory-audit-sink';
import { createMemoryRegistryReader } from '../../stores/memory/memory-registry-reader';
import type { RateLimitStore } from '../../stores/rate-limit-store';
import { accessRecords, KEYS, PEPPER, USERS } from './helpers/access-fixtures';
import { startEnforcingGateway, type EnforcingGateway } from './helpers/start-enforcing-gateway';

const PERSISTED = '{ person(id: "p1") { id } }';

describe('document limits, batching and persisted operations', () => {
  let users: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;
  const memory = createMemoryLogger();

  beforeAll(async () => {
    users = await startTestSubgraph({ name: 'users', ...USERS });
    gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }] }, limits: { maxDocumentBytes: 2048 } },
      {
        logger: memory.logger,
        accessControl: { mode: 'open' },
        documentLimits: { maxDepth: 3, maxAliases: 2, maxRootFields: 3 },
        persistedOperations: { mode: 'require', store: new Map([[sha256Hex(PERSISTED), PERSISTED], [sha256Hex('{ __typename }'), '{ __typename }']]) },
      },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await users?.stop();
  });

  const persisted = (query: string | undefined, hash: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...(query === undefined ? {} : { query }), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } }));

  it('says loudly that access control is off', () => {
    const line = memory.lines().find((l) => JSON.stringify(l).includes('ACCESS CONTROL IS OFF'));
    expect(line).toMatchObject({ level: expect.anything(), accessControl: 'open' });
    expect(['warn', 40]).toContain(line?.['level']);
  });

  it('runs a persisted operation by its hash alone', async () => {
    expect(await persisted(undefined, sha256Hex(PERSISTED))).toEqual({ status: 200, body: { data: { person: { id: 'p1' } } } });
  });

  it('refuses ad-hoc documents, unknown hashes and documents that do not match their hash', async () => {
    const adHoc = await postGraphQL(server.url, '{ person(id: "p2") { id } }');
    const unknown = await persisted(undefined, sha256Hex('{ people { id } }'));
    const mismatch = await persisted('{ people { id } }', sha256Hex(PERSISTED));
    expect([adHoc.status, unknown.status, mismatch.status]).toEqual([400, 400, 400]);
    expect([adHoc.body.errors?.[0]?.extensions?.['code'], unknown.body.errors?.[0]?.extensions?.code, mismatch.body.errors?.[0]?.extensions?.code]).toEqual([
      'GW_PERSISTED_ONLY',
      'GW_PERSISTED_QUERY_NOT_FOUND',
      'GW_PERSISTED_QUERY_HASH_MISMATCH',
    ]);
  });

  it('refuses a batched request', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify([{ query: PERSISTED }, { query: PERSISTED }]),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe('GW_BATCHING_DISABLED');
  });
});

describe('document limits on parsed documents', () => {
  let users: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;
  beforeAll(async () => {
    users = await startTestSubgraph({ name: 'users', ...USERS });
    gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }] }, limits: { maxDocumentBytes: 512 } },
      { logger: createSilentLogger(), documentLimits: { maxDepth: 3, maxAliases: 2, maxRootFields: 3 } },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await users?.stop();
  });

  it.each([
    ['too deep, before validation (unknown fields)', '{ a { b { c { d } } } }', 'GW_DOCUMENT_TOO_DEEP'],
    ['too deep through named and inline fragments', '{ ...Q } fragment Q on Query { node(id: "p1") { ... on Person { a { b { c } } } } }', 'GW_DOCUMENT_TOO_DEEP'],
    ['too many aliases (a fragment spread twice)', '{ x: node(id: "p1") { ...A } y: node(id: "o1") { ...A } } fragment A on Node { i: id }', 'GW_TOO_MANY_ALIASES'],
    ['too many root fields', '{ people { id } search { __typename } whoAmI { purpose } __typename }', 'GW_TOO_MANY_ROOT_FIELDS'],
  ])('refuses a document %s with 400, calling no subgraph', async (_, query, code) => {
    const before = users.requests.length;
    const result = await postGraphQL(server.url, query);
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(users.requests.length).toBe(before);
  });

  it('answers a document at the limits', async () => {
    const result = await postGraphQL(server.url, '{ x: node(id: "p1") { ... on Person { i: id } } people { id } __typename }');
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ x: { i: 'p1' }, people: [{ id: 'p1' }, { id: 'p2' }], __typename: 'Query' });
  });

  it('refuses an oversized document with 413', async () => {
    const result = await postGraphQL(server.url, `{ people { ${'id '.repeat(300)} } }`);
    expect(result.status).toBe(413);
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('GW_DOCUMENT_TOO_LARGE');
  });
});

describe('audit fail-closed', () => {
  let started: EnforcingGateway;
  let users: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;
  const sink = createMemoryAuditSink();

  beforeAll(async () => {
    started = await startEnforcingGateway({ auditSink: sink, audit: { maxBuffer: 2, flushIntervalMs: 20 } });
    ({ users, gateway, server } = started);
  });
  afterAll(async () => {
    await users?.stop();
  });

  it('refuses L3 operations with 503 while the sink fails and the buffer is full, serves L1, and writes everything accepted on stop', async () => {
    sink.failWith(new Error('audit database down'));
    const post = (query: string) => postGraphQL(server.url, query, { headers: { 'x-api-key': KEYS.unmask } });
    expect((await post('{ person(id: "p1") { id } }')).status).toBe(200);
    expect((await post('{ person(id: "p1") { id } }')).status).toBe(200);
    const before = users.requests.length;
    const refused = await post('{ person(id: "p1") { phone } }');
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('GW_AUDIT_UNAVAILABLE');
    expect(users.requests.length).toBe(before);
    expect((await post('{ person(id: "p1") { id } }')).status).toBe(200);
    expect(sink.records).toHaveLength(0);

    sink.failWith(undefined);
    await gateway.stop();
    expect(sink.records.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    expect(gateway.accessControl?.audit?.dropped).toBe(2);
  });
});

describe('rate-limit store failures', () => {
  let users: TestSubgraph;
  let server: ListeningGateway;
  let stop: (() => Promise<void>) | undefined;
  /** What the store does next: answer at once, answer later (as Redis does), or fail either way. */
  let behaviour: 'sync' | 'async' | 'throw' | 'reject' = 'sync';
  const allowed = { allowed: true, retryAfterSeconds: 0, remaining: 1 } as const;
  const store: RateLimitStore = {
    consume() {
      if (behaviour === 'throw') throw new Error('store broken');
      if (behaviour === 'reject') return Promise.reject(new Error('redis down'));
      return behaviour === 'async' ? new Promise((resolve) => setTimeout(() => resolve(allowed), 5)) : allowed;
    },
  };

  beforeAll(async () => {
    ({ users, server, stop } = await startEnforcingGateway({ rateLimitStore: store }));
  });
  afterAll(async () => {
    await stop?.();
  });

  it.each(['sync', 'async'] as const)('serves the operation when the store allows it (%s answer)', async (answer) => {
    behaviour = answer;
    const result = await postGraphQL(server.url, '{ person(id: "p1") { id } }', { headers: { 'x-api-key': KEYS.unmask } });
    expect(result).toMatchObject({ status: 200, body: { data: { person: { id: 'p1' } } } });
  });

  it.each(['throw', 'reject'] as const)('refuses with 503 GW_RATE_LIMIT_UNAVAILABLE and calls no subgraph when the store fails (%s)', async (failure) => {
    behaviour = failure;
    const before = users.requests.length;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': KEYS.unmask },
      body: JSON.stringify({ query: '{ person(id: "p1") { id } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(body.errors?.[0]?.extensions?.code).toBe('GW_RATE_LIMIT_UNAVAILABLE');
    expect(users.requests.length).toBe(before);
  });
});
