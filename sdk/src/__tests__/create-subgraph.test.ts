import 'reflect-metadata';
import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import {
  BadGatewayError,
  createBatchLoader,
  createSilentLogger,
  createSubgraph,
  getRequestScope,
  type HealthReport,
  type Source,
  type SubgraphContext,
} from '..';

/** A source over an in-memory table that counts its batch calls, as a legacy system would see them. */
function memorySource(rows: { code: string; title: string }[]) {
  const state = { down: false, batchCalls: 0, started: 0, stopped: 0, lastRequestId: undefined as string | undefined };
  return {
    kind: 'memory',
    name: 'memory-registry',
    state,
    async start() {
      state.started += 1;
    },
    async stop() {
      state.stopped += 1;
    },
    async checkHealth(): Promise<HealthReport> {
      return state.down ? { status: 'down', detail: 'switched off' } : { status: 'up' };
    },
    async findByCodes(codes: readonly string[]) {
      state.batchCalls += 1;
      state.lastRequestId = getRequestScope()?.requestId;
      if (state.down) throw new BadGatewayError('legacy system "memory-registry" is unavailable', { cause: new Error('ECONNREFUSED 10.1.2.3:8080') });
      return rows.filter((row) => codes.includes(row.code)).reverse().map((row) => Object.freeze({ ...row }));
    },
  } satisfies Source & Record<string, unknown>;
}

type Sources = { registry: ReturnType<typeof memorySource> };
type Loaders = { itemByCode: ReturnType<typeof createBatchLoader<string, { code: string; title: string }>> };
type Ctx = SubgraphContext<Sources, Loaders>;

@ObjectType()
@Directive('@key(fields: "code")')
class Item {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => Item, { nullable: true })
  item(@Arg('code') code: string, @Ctx() ctx: Ctx) {
    return ctx.loaders.itemByCode.load(code);
  }

  @Query(() => String)
  boom(): string {
    throw new Error('secret internal detail at db-host-7');
  }
}

function build() {
  const registry = memorySource([
    { code: 'A', title: 'Alpha' },
    { code: 'B', title: 'Beta' },
    { code: 'C', title: 'Gamma' },
  ]);
  const subgraph = createSubgraph({
    name: 'items',
    resolvers: [ItemResolver],
    sources: { registry },
    security: { mode: 'development' },
    logger: createSilentLogger(),
    loaders: ({ sources }): Loaders => ({
      itemByCode: createBatchLoader({ name: 'itemByCode', batch: (codes) => sources.registry.findByCodes(codes), keyOf: (row) => row.code }),
    }),
    entities: {
      Item: { byKey: { code: { load: (codes, ctx: Ctx) => ctx.sources.registry.findByCodes(codes) } } },
    },
  });
  return { subgraph, registry };
}

async function post(subgraph: ReturnType<typeof build>['subgraph'], query: string, variables?: object, headers: Record<string, string> = {}) {
  const response = await subgraph.fetch('http://subgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe('createSubgraph', () => {
  it('serves Federation 2 SDL with the key directive and the federation link', async () => {
    const { subgraph } = build();
    const { body } = await post(subgraph, '{ _service { sdl } }');
    expect(body.data._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
    expect(body.data._service.sdl).toMatch(/type Item\s+@key\(fields: "code"\)/);
  });

  it('resolves many entity references with one batch call, in order, null for a missing key', async () => {
    const { subgraph, registry } = build();
    const { body } = await post(
      subgraph,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Item { code title } } }',
      { r: [{ __typename: 'Item', code: 'C' }, { __typename: 'Item', code: 'Z' }, { __typename: 'Item', code: 'A' }, { __typename: 'Item', code: 'C' }] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([{ code: 'C', title: 'Gamma' }, null, { code: 'A', title: 'Alpha' }, { code: 'C', title: 'Gamma' }]);
    expect(registry.state.batchCalls).toBe(1);
  });

  it('batches loader calls made by sibling fields of one request', async () => {
    const { subgraph, registry } = build();
    const { body } = await post(subgraph, '{ a: item(code: "A") { title } b: item(code: "B") { title } x: item(code: "X") { title } }');
    expect(body).toEqual({ data: { a: { title: 'Alpha' }, b: { title: 'Beta' }, x: null } });
    expect(registry.state.batchCalls).toBe(1);
  });

  it('passes the request id to sources and echoes it', async () => {
    const { subgraph, registry } = build();
    const { headers } = await post(subgraph, '{ item(code: "A") { title } }', undefined, { 'x-request-id': 'req-123' });
    expect(registry.state.lastRequestId).toBe('req-123');
    expect(headers.get('x-request-id')).toBe('req-123');
  });

  it('maps a legacy outage to CONN_UPSTREAM_UNAVAILABLE without leaking the cause', async () => {
    const { subgraph, registry } = build();
    registry.state.down = true;
    const { status, body } = await post(subgraph, '{ item(code: "A") { title } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ item: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].message).toBe('legacy system "memory-registry" is unavailable');
    expect(body.errors![0].extensions.code).toBe('CONN_UPSTREAM_UNAVAILABLE');
    expect(body.errors![0].path).toEqual(['item']);
    expect(JSON.stringify(body)).not.toContain('10.1.2.3');
  });

  it('masks unexpected errors as INTERNAL_SERVER_ERROR', async () => {
    const { subgraph } = build();
    const { body } = await post(subgraph, '{ boom }');
    expect(body.errors![0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toContain('db-host-7');
  });

  it('answers /healthz and reports each source in /readyz', async () => {
    const { subgraph, registry } = build();
    const health = await subgraph.fetch('http://subgraph.test/healthz');
    expect(health.status).toBe(200);
    expect(await (await subgraph.fetch('http://subgraph.test/readyz')).json()).toMatchObject({
      status: 'ready',
      sources: { registry: { status: 'up' } },
    });
    registry.state.down = true;
    const notReady = await subgraph.fetch('http://subgraph.test/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not-ready', sources: { registry: { status: 'down', detail: 'switched off' } } });
  });

  it('listens on an ephemeral port, starts and stops its sources', async () => {
    const { subgraph, registry } = build();
    const running = await subgraph.listen();
    try {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ item(code: "B") { code title } }' }),
      });
      expect(await response.json()).toEqual({ data: { item: { code: 'B', title: 'Beta' } } });
      expect(registry.state.started).toBe(1);
    } finally {
      await running.close();
    }
    expect(registry.state.stopped).toBe(1);
  });

  it('builds each subgraph only from its own classes, even when type names repeat in one process', () => {
    @ObjectType('Item')
    @Directive('@key(fields: "code", resolvable: false)')
    class ItemStub {
      @Field(() => ID)
      code!: string;
    }
    @Resolver()
    class OtherResolver {
      @Query(() => ItemStub)
      stub(): ItemStub {
        return { code: 'A' };
      }
    }
    const other = createSubgraph({ name: 'other', resolvers: [OtherResolver], sources: {}, security: { mode: 'development' }, logger: createSilentLogger() });
    expect(other.sdl).toMatch(/type Item\s+@key\(fields: "code", resolvable: false\)\s*\{\s*code: ID!\s*\}/);
    expect(build().subgraph.sdl).toMatch(/type Item\s+@key\(fields: "code"\)\s*\{\s*code: ID!\s*title: String!\s*\}/);
  });

  it('refuses an invalid subgraph name, naming the option and value', () => {
    expect(() => createSubgraph({ name: 'Bad Name', resolvers: [ItemResolver], sources: {}, security: { mode: 'development' }, logger: createSilentLogger() })).toThrow(
      /name: must be lower-case letters, digits and dashes, starting with a letter \(got "Bad Name"\)/,
    );
  });
});
