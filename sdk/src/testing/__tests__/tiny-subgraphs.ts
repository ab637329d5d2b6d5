/**
 * Tiny subgraphs for the kit's own tests: one that conforms (built with the
 * SDK, over an in-memory "legacy system" with a call counter and fault
 * switches) and deliberately broken ones, each with one known defect.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLFieldResolver } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import {
  BadGatewayError,
  BadRequestError,
  createSilentLogger,
  createSubgraph,
  UpstreamTimeoutError,
  type EntityResolver,
  type HealthReport,
  type Source,
  type Subgraph,
  type SubgraphContext,
} from '../..';

/** The legacy system's records. */
export const ITEMS = [
  { code: 'A-0001', title: 'Alpha' },
  { code: 'B-0002', title: 'Beta' },
  { code: 'C-0003', title: 'Gamma' },
];

/** How the in-memory legacy system misbehaves. */
export interface Faults {
  down: boolean;
  slow: boolean;
  /** Put into the failure's message (a leaking connector). */
  leakyMessage?: string;
}

/** An in-memory legacy system as a source: counts calls, fails and hangs on demand, bounded by a 100 ms timeout. */
export function memorySource() {
  const faults: Faults = { down: false, slow: false };
  let calls = 0;
  return {
    kind: 'memory',
    name: 'items-registry',
    faults,
    calls: () => calls,
    async start() {},
    async stop() {},
    async checkHealth(): Promise<HealthReport> {
      return faults.down ? { status: 'down', detail: 'switched off' } : { status: 'up' };
    },
    async findByCodes(codes: readonly string[]) {
      calls += 1;
      if (faults.slow) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new UpstreamTimeoutError('legacy system "items-registry" did not answer within 100 ms');
      }
      if (faults.down) {
        throw new BadGatewayError(faults.leakyMessage ?? 'legacy system "items-registry" is unavailable', { cause: new Error('ECONNREFUSED 10.1.2.3:8080') });
      }
      if (codes.length > 100) throw new BadGatewayError('legacy system "items-registry" refused more than 100 keys');
      return ITEMS.filter((item) => codes.includes(item.code)).reverse();
    },
  } satisfies Source & Record<string, unknown>;
}

type MemorySource = ReturnType<typeof memorySource>;
type Ctx = SubgraphContext<{ registry: MemorySource }>;

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
  async item(@Arg('code') code: string, @Ctx() ctx: Ctx): Promise<Item | null> {
    if (!/^[A-Z]-\d{4}$/.test(code)) throw new BadRequestError(`code must look like A-0001, got ${JSON.stringify(code)}`, { details: { argument: 'code' } });
    const [found] = await ctx.sources.registry.findByCodes([code]);
    return found ?? null;
  }
}

/** How the SDK subgraph resolves `Item` references. */
export type ItemEntities = (registry: MemorySource) => EntityResolver<Ctx>;

/** Correct: one batch call per 100 keys, missing keys left out (the SDK puts null in place). */
export const batchedEntities: ItemEntities = () => ({ byKey: { code: { load: (codes, ctx) => ctx.sources.registry.findByCodes(codes) } } });

/** Broken: answers in whatever order the legacy system returned them. */
export const reorderingEntities: ItemEntities = () => ({
  resolveReferences: async (representations, ctx) => {
    const found = await ctx.sources.registry.findByCodes(representations.map((each) => String(each['code'])));
    return representations.map((_, index) => found[index] ?? null);
  },
});

/** Broken: one legacy call per reference. */
export const oneCallPerReference: ItemEntities = () => ({
  resolveReferences: (representations, ctx) =>
    Promise.all(representations.map(async (each) => (await ctx.sources.registry.findByCodes([String(each['code'])]))[0] ?? null)),
});

/** A subgraph built with the SDK over a fresh memory source. */
export function buildItemsSubgraph(entities: ItemEntities = batchedEntities): { subgraph: Subgraph; registry: MemorySource } {
  const registry = memorySource();
  const subgraph = createSubgraph({
    name: 'items',
    resolvers: [ItemResolver],
    sources: { registry },
    security: { mode: 'development' },
    logger: createSilentLogger(),
    entities: { Item: entities(registry) },
  });
  return { subgraph, registry };
}

/** A subgraph served from raw SDL with @apollo/subgraph, listening on loopback; `entities` replaces the `_entities` resolver. */
export async function serveRawSubgraph(
  typeDefs: string,
  options: { entities?: GraphQLFieldResolver<unknown, unknown, { representations: Record<string, unknown>[] }> } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const schema = buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: { Query: { item: () => null } } as never });
  const field = schema.getQueryType()?.getFields()['_entities'];
  if (options.entities && field) field.resolve = options.entities as GraphQLFieldResolver<unknown, unknown>;
  const yoga = createYoga({ schema, logging: false, maskedErrors: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** SDL of a raw subgraph with the `Item` entity. */
export const RAW_ITEM_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Query { item(code: ID!): Item }
  type Item @key(fields: "code") { code: ID! title: String! }
`;

/** A batch `_entities` resolver that returns only the records found (drops missing keys). */
export const droppingEntities: GraphQLFieldResolver<unknown, unknown, { representations: Record<string, unknown>[] }> = (_, { representations }) =>
  representations.filter((each) => ITEMS.some((item) => item.code === each['code'])).map((each) => ({ __typename: 'Item', ...ITEMS.find((item) => item.code === each['code']) }));

