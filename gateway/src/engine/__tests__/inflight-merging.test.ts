/**
 * In-flight merging through a whole gateway with the policy chain on (issue
 * 5): identical subgraph calls of one identity share one HTTP call; two
 * applications never share one, unless the subgraph is declared
 * identity-independent; an error reaches every waiter; every request's audit
 * record still names the subgraph.
 */
import { GraphQLError } from 'graphql';
import { createGateway, type Gateway, type ListeningGateway } from '../../app';
import { postGraphQL, type GraphQLHttpResult } from '../../__tests__/helpers/post-graphql';
import { FEDERATION_LINK, startTestSubgraph, type TestSubgraph } from '../../__tests__/helpers/start-test-subgraph';
import { createSilentLogger } from '../../logger';
import type { GatewayContext } from '../../plugins/types';
import { hashSecret } from '../../registry/secrets';
import type { RegistryRecords } from '../../stores/build-registry-snapshot';
import { createMemoryAuditSink } from '../../stores/memory/memory-audit-sink';
import { createMemoryRegistryReader } from '../../stores/memory/memory-registry-reader';

const PEPPER = 'merge-test-pepper-0123456789';
const KEY_A = 'gg_mergeAmergeAmergeAmergeAmergeA1';
const KEY_B = 'gg_mergeBmergeBmergeBmergeBmergeB1';

/** A subgraph answer held back until the test lets it go. */
function createGate(): { wait(): Promise<void>; release(): void } {
  let open!: () => void;
  let opened = new Promise<void>((resolve) => (open = resolve));
  return {
    wait: () => opened,
    release() {
      open();
      opened = new Promise<void>((resolve) => (open = resolve));
    },
  };
}

function records(): RegistryRecords {
  const apps = [['app-a', KEY_A], ['app-b', KEY_B]] as const;
  return {
    applications: apps.map(([id]) => ({ id, name: id, departmentId: 'dep', contact: 'ops@example.gov.cn', status: 'active' })),
    credentials: apps.map(([id, key]) => ({ id: `key-${id}`, applicationId: id, prefix: key.slice(0, 8), hash: hashSecret(PEPPER, key), expiresAt: null, revokedAt: null, overlapUntil: null })),
    grants: apps.map(([id]) => ({
      id: `grant-${id}`,
      applicationId: id,
      targets: ['subgraph:catalog', 'subgraph:prices'],
      maxGrade: 'L4',
      purpose: 'service',
      expiresAt: null,
      requestsPerSecond: 1000,
      dailyQuota: 1_000_000,
      requireEndUser: false,
      unmask: [],
      revokedAt: null,
    })),
    subgraphs: [],
  };
}

describe('in-flight merging of identical subgraph calls (planner engine, policy chain on)', () => {
  const catalogGate = createGate();
  const pricesGate = createGate();
  let failNext = false;
  let catalog: TestSubgraph;
  let prices: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;
  const sink = createMemoryAuditSink();
  const executing: string[] = [];

  beforeAll(async () => {
    catalog = await startTestSubgraph({
      name: 'catalog',
      typeDefs: 'type Query { items: [String] }',
      resolvers: {
        Query: {
          items: async () => {
            await catalogGate.wait();
            if (failNext) throw new GraphQLError('catalog is failing', { extensions: { code: 'CATALOG_DOWN' } });
            return ['a', 'b'];
          },
        },
      },
    });
    prices = await startTestSubgraph({
      name: 'prices',
      typeDefs: 'type Query { rate: Float }',
      resolvers: { Query: { rate: async () => (await pricesGate.wait(), 1.5) } },
      federationLink: FEDERATION_LINK,
    });
    gateway = await createGateway(
      {
        supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'catalog', url: catalog.url }, { name: 'prices', url: prices.url }] },
        dedupe: { acrossIdentities: ['prices'] },
      },
      {
        logger: createSilentLogger(),
        accessControl: { mode: 'enforce', registry: createMemoryRegistryReader(records()), auditSink: sink, pepper: PEPPER, audit: { flushIntervalMs: 20 } },
        // Tells the test when a request's execution (and so its first subgraph call) has started.
        plugins: [{ onExecute: ({ args }) => void executing.push((args.contextValue as GatewayContext).requestId) }],
      },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([catalog?.stop(), prices?.stop()]);
  });

  const post = (query: string, key: string, requestId: string): Promise<GraphQLHttpResult> =>
    postGraphQL(server.url, query, { headers: { 'x-api-key': key, 'x-request-id': requestId } });
  const until = async (condition: () => boolean): Promise<void> => {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  /** Sends two requests; the second starts once the first's call is at the subgraph, the gate opens once the second's call had time to be sent. */
  const overlapping = async (query: string, subgraph: () => TestSubgraph, gate: { release(): void }, keys: [string, string], id: string) => {
    const before = subgraph().requests.length;
    const first = post(query, keys[0], `${id}-1`);
    await until(() => subgraph().requests.length > before);
    const second = post(query, keys[1], `${id}-2`);
    await until(() => executing.includes(`${id}-2`));
    await new Promise((resolve) => setTimeout(resolve, 150));
    gate.release();
    const results = await Promise.all([first, second]);
    return { results, calls: subgraph().requests.length - before };
  };

  it('sends one call for two concurrent requests of one application; both get the whole answer', async () => {
    const { results, calls } = await overlapping('{ items }', () => catalog, catalogGate, [KEY_A, KEY_A], 'same-app');
    expect(calls).toBe(1);
    for (const result of results) expect(result.body).toEqual({ data: { items: ['a', 'b'] } });
    await until(() => sink.records.filter((r) => r.requestId.startsWith('same-app-')).length === 2);
    for (const record of sink.records.filter((r) => r.requestId.startsWith('same-app-'))) {
      expect(record).toMatchObject({ applicationId: 'app-a', outcome: 'ok', subgraphs: ['catalog'] });
    }
  });

  it('sends two calls for two applications', async () => {
    const before = catalog.requests.length;
    const first = post('{ items }', KEY_A, 'two-apps-1');
    const second = post('{ items }', KEY_B, 'two-apps-2');
    await until(() => catalog.requests.length === before + 2);
    catalogGate.release();
    const results = await Promise.all([first, second]);
    for (const result of results) expect(result.body).toEqual({ data: { items: ['a', 'b'] } });
    const tokens = catalog.requests.slice(before).map((request) => JSON.parse(Buffer.from(request.headers['x-govgraph-context']?.split('.')[1] ?? '', 'base64url').toString()) as { sub: string });
    expect(tokens.map((token) => token.sub).sort()).toEqual(['app-a', 'app-b']);
  });

  it('sends one call across applications to a subgraph declared identity-independent', async () => {
    const { results, calls } = await overlapping('{ rate }', () => prices, pricesGate, [KEY_A, KEY_B], 'across');
    expect(calls).toBe(1);
    for (const result of results) expect(result.body).toEqual({ data: { rate: 1.5 } });
  });

  it('delivers a subgraph error to every waiter', async () => {
    failNext = true;
    try {
      const { results, calls } = await overlapping('{ items }', () => catalog, catalogGate, [KEY_A, KEY_A], 'error');
      expect(calls).toBe(1);
      for (const result of results) {
        expect(result.status).toBe(200);
        expect(result.body).toEqual({
          data: { items: null },
          errors: [{ message: 'catalog is failing', path: ['items'], extensions: { code: 'CATALOG_DOWN', serviceName: 'catalog' } }],
        });
      }
    } finally {
      failNext = false;
    }
  });
});
