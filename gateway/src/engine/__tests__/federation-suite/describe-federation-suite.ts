/**
 * The federation suite: one set of exact answers every execution engine must
 * give, over real subgraphs (`@apollo/subgraph` + yoga on loopback) and real
 * HTTP. Each engine's test file calls {@link describeFederationSuite} with a
 * factory that builds a gateway on that engine, so an engine cannot pass by
 * being tested differently from another.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateGatewayOptions, Gateway, ListeningGateway } from '../../../app';
import type { GatewayConfigInput } from '../../../config';
import { createSilentLogger } from '../../../logger';
import { composeSupergraphFromSubgraphs } from '../../../supergraph/compose-from-subgraphs';
import { closedPortUrl } from '../../../__tests__/helpers/closed-port-url';
import { postGraphQL } from '../../../__tests__/helpers/post-graphql';
import { startTestSubgraph, type TestSubgraph } from '../../../__tests__/helpers/start-test-subgraph';
import { SUITE_SUBGRAPHS } from './suite-subgraphs';

/** Builds a gateway running the engine under test from `config` (engine not set) and `options`. */
export type CreateGatewayForEngine = (config: GatewayConfigInput, options: CreateGatewayOptions) => Promise<Gateway>;

/** Registers the suite for `engineName`. */
export function describeFederationSuite(engineName: string, createGatewayForEngine: CreateGatewayForEngine): void {
  describe(`federation suite (${engineName} engine)`, () => {
    const subgraphs = new Map<string, TestSubgraph>();
    let directory: string;
    let gateway: Gateway;
    let server: ListeningGateway;
    let reviewsDownGateway: Gateway;
    let reviewsDownServer: ListeningGateway;

    beforeAll(async () => {
      for (const definition of SUITE_SUBGRAPHS) subgraphs.set(definition.name, await startTestSubgraph(definition));
      const logger = createSilentLogger();
      const sdl = await composeSupergraphFromSubgraphs({
        subgraphs: [...subgraphs.values()].map(({ name, url }) => ({ name, url })),
        timeoutMs: 5_000,
        logger,
      });
      directory = await mkdtemp(join(tmpdir(), 'govgraph-federation-suite-'));
      const path = join(directory, 'supergraph.graphql');
      await writeFile(path, sdl);
      const reviewsUrl = subgraphs.get('reviews')?.url ?? '';
      const downPath = join(directory, 'supergraph-reviews-down.graphql');
      await writeFile(downPath, sdl.split(reviewsUrl).join(await closedPortUrl()));

      const config = (file: string): GatewayConfigInput => ({ supergraph: { kind: 'file', path: file }, logLevel: 'silent', graphiql: false, requestTimeoutMs: 5_000 });
      gateway = await createGatewayForEngine(config(path), { logger });
      server = await gateway.listen({ port: 0, host: '127.0.0.1' });
      reviewsDownGateway = await createGatewayForEngine(config(downPath), { logger });
      reviewsDownServer = await reviewsDownGateway.listen({ port: 0, host: '127.0.0.1' });
    });

    afterAll(async () => {
      await Promise.allSettled([gateway?.stop(), reviewsDownGateway?.stop()]);
      await Promise.allSettled([...subgraphs.values()].map((subgraph) => subgraph.stop()));
      if (directory) await rm(directory, { recursive: true, force: true });
    });

    const query = async (document: string, variables?: Record<string, unknown>): Promise<unknown> => {
      const result = await postGraphQL(server.url, document, variables ? { variables } : {});
      return result.body;
    };
    const requestsTo = (name: string): number => subgraphs.get(name)?.requests.length ?? 0;

    describe('entity keys', () => {
      it('joins an entity by a single key', async () => {
        expect(await query('{ me { id name reviews { body } } }')).toEqual({
          data: { me: { id: 'u1', name: 'Ada Lovelace', reviews: [{ body: 'Love it' }, { body: 'Comfy' }] } },
        });
      });

      it('uses each of two keys where the subgraph knows only that one', async () => {
        expect(await query('{ topProducts(first: 2) { upc sku name inStock reviews { rating } } }')).toEqual({
          data: {
            topProducts: [
              { upc: '1', sku: 's1', name: 'Table', inStock: true, reviews: [{ rating: 5 }, { rating: 2 }] },
              { upc: '2', sku: 's2', name: 'Couch', inStock: false, reviews: [{ rating: 4 }] },
            ],
          },
        });
      });

      it('hops from one key to the other through the subgraph that knows both', async () => {
        expect(await query('{ latestReviews { id product { upc inStock } } }')).toEqual({
          data: {
            latestReviews: [
              { id: 'r4', product: { upc: '3', inStock: true } },
              { id: 'r3', product: { upc: '2', inStock: false } },
              { id: 'r2', product: { upc: '1', inStock: true } },
              { id: 'r1', product: { upc: '1', inStock: true } },
            ],
          },
        });
      });

      it('resolves an entity by a composite key with a nested field', async () => {
        expect(await query('{ users { id department { code region { code } name } } }')).toEqual({
          data: {
            users: [
              { id: 'u1', department: { code: 'fin', region: { code: '32' }, name: 'Jiangsu Finance Bureau' } },
              { id: 'u2', department: { code: 'fin', region: { code: '33' }, name: 'Zhejiang Finance Bureau' } },
              { id: 'u3', department: null },
            ],
          },
        });
      });
    });

    describe('@requires, @provides, @external, @shareable, @override', () => {
      it('sends the @external fields a @requires names, inaccessible ones too', async () => {
        expect(await query('{ topProducts { name shippingEstimate } }')).toEqual({
          data: {
            topProducts: [
              { name: 'Table', shippingEstimate: 50 },
              { name: 'Couch', shippingEstimate: 0 },
              { name: 'Chair', shippingEstimate: 25 },
            ],
          },
        });
      });

      it('takes a field from the subgraph that @provides it, without calling its owner', async () => {
        const before = requestsTo('accounts');
        expect(await query('{ latestReviews { body author { username } } }')).toEqual({
          data: {
            latestReviews: [
              { body: 'Wobbly', author: { username: 'grace' } },
              { body: 'Comfy', author: { username: 'ada' } },
              { body: 'Too expensive', author: { username: 'alan' } },
              { body: 'Love it', author: { username: 'ada' } },
            ],
          },
        });
        expect(requestsTo('accounts')).toBe(before);
      });

      it('calls the owner for a field that is not provided', async () => {
        const before = requestsTo('accounts');
        expect(await query('{ latestReviews { author { username name } } }')).toEqual({
          data: {
            latestReviews: [
              { author: { username: 'grace', name: 'Grace Hopper' } },
              { author: { username: 'ada', name: 'Ada Lovelace' } },
              { author: { username: 'alan', name: 'Alan Turing' } },
              { author: { username: 'ada', name: 'Ada Lovelace' } },
            ],
          },
        });
        expect(requestsTo('accounts')).toBe(before + 1);
      });

      it('resolves a @shareable field from any subgraph with the same answer', async () => {
        expect(await query('{ product(upc: "2") { name } latestReviews { product { name } } }')).toEqual({
          data: {
            product: { name: 'Couch' },
            latestReviews: [{ product: { name: 'Chair' } }, { product: { name: 'Couch' } }, { product: { name: 'Table' } }, { product: { name: 'Table' } }],
          },
        });
      });

      it('answers an @override field from the overriding subgraph', async () => {
        expect(await query('{ product(upc: "1") { inStock } }')).toEqual({ data: { product: { inStock: true } } });
      });
    });

    describe('interfaces and unions', () => {
      it('resolves an interface field and entity fields of its implementations', async () => {
        expect(
          await query(
            '{ p: node(id: "p2") { __typename id ... on Product { name shippingEstimate } } c: node(id: "c1") { __typename id ... on Category { title } } none: node(id: "zz") { id } }',
          ),
        ).toEqual({
          data: {
            p: { __typename: 'Product', id: 'p2', name: 'Couch', shippingEstimate: 0 },
            c: { __typename: 'Category', id: 'c1', title: 'Furniture' },
            none: null,
          },
        });
      });

      it('resolves a union with entity fields on one member', async () => {
        expect(await query('{ search(term: "u") { __typename ... on Product { upc reviews { body } } ... on Category { title } } }')).toEqual({
          data: {
            search: [
              { __typename: 'Product', upc: '2', reviews: [{ body: 'Comfy' }] },
              { __typename: 'Category', title: 'Furniture' },
            ],
          },
        });
      });

      it('adds the fields of an @interfaceObject to every implementation', async () => {
        expect(await query('{ media { __typename id title stars ... on Book { author } ... on Movie { director } } }')).toEqual({
          data: {
            media: [
              { __typename: 'Book', id: 'b1', title: 'Dune', stars: 5, author: 'Frank Herbert' },
              { __typename: 'Movie', id: 'm1', title: 'Alien', stars: 4, director: 'Ridley Scott' },
            ],
          },
        });
      });

      it('finds the concrete type of an entity that came from an @interfaceObject', async () => {
        expect(await query('{ topRated { __typename id stars title ... on Book { author } } }')).toEqual({
          data: {
            topRated: [
              { __typename: 'Movie', id: 'm1', stars: 4, title: 'Alien' },
              { __typename: 'Book', id: 'b1', stars: 5, title: 'Dune', author: 'Frank Herbert' },
            ],
          },
        });
      });
    });

    describe('@inaccessible', () => {
      it('refuses an @inaccessible field as unknown', async () => {
        const result = await postGraphQL(server.url, '{ me { internalCode } }');
        expect(result.status).toBe(400);
        expect(result.body).toEqual({
          errors: [
            {
              message: 'Cannot query field "internalCode" on type "User".',
              locations: [{ line: 1, column: 8 }],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        });
      });

      it('refuses an @inaccessible field that @requires still uses', async () => {
        const result = await postGraphQL(server.url, '{ product(upc: "1") { weight } }');
        expect(result.status).toBe(400);
        expect(result.body).toEqual({
          errors: [
            {
              message: 'Cannot query field "weight" on type "Product".',
              locations: [{ line: 1, column: 23 }],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        });
      });
    });

    describe('aliases, fragments, @skip and @include', () => {
      const SHAPED = `
        query Shaped($withReviews: Boolean!, $skipName: Boolean!) {
          first: product(upc: "1") {
            ...ProductFields
            reviews @include(if: $withReviews) { ... on Review { stars: rating } }
          }
          second: product(upc: "2") {
            id: upc
            name @skip(if: $skipName)
            ...ProductFields
            never: name @skip(if: true)
            always: name @include(if: true)
          }
          __typename
        }
        fragment ProductFields on Product {
          sku
          price
          ship: shippingEstimate
          ... on Node { nodeId: id }
        }
      `;

      it('shapes aliases, named and inline fragments, and conditions that are true', async () => {
        expect(await query(SHAPED, { withReviews: true, skipName: true })).toEqual({
          data: {
            first: { sku: 's1', price: 899, ship: 50, nodeId: 'p1', reviews: [{ stars: 5 }, { stars: 2 }] },
            second: { id: '2', sku: 's2', price: 1299, ship: 0, nodeId: 'p2', always: 'Couch' },
            __typename: 'Query',
          },
        });
      });

      it('skips a whole subgraph fetch when its condition is false', async () => {
        const before = requestsTo('reviews');
        expect(await query(SHAPED, { withReviews: false, skipName: false })).toEqual({
          data: {
            first: { sku: 's1', price: 899, ship: 50, nodeId: 'p1' },
            second: { id: '2', name: 'Couch', sku: 's2', price: 1299, ship: 0, nodeId: 'p2', always: 'Couch' },
            __typename: 'Query',
          },
        });
        expect(requestsTo('reviews')).toBe(before);
      });

      it('applies variable defaults and the same field under two aliases with different arguments', async () => {
        expect(await query('query Top($n: Int) { one: topProducts(first: $n) { upc } all: topProducts { upc } }', { n: 1 })).toEqual({
          data: { one: [{ upc: '1' }], all: [{ upc: '1' }, { upc: '2' }, { upc: '3' }] },
        });
      });

      it('answers introspection next to planned fields', async () => {
        expect(await query('{ __type(name: "Product") { name kind } me { __typename id } }')).toEqual({
          data: { __type: { name: 'Product', kind: 'OBJECT' }, me: { __typename: 'User', id: 'u1' } },
        });
      });

      it('runs mutations and the fetches that follow them', async () => {
        expect(await query('mutation { addReview(upc: "2", body: "Nice") { id body author { name } product { name inStock } } }')).toEqual({
          data: { addReview: { id: 'new-2', body: 'Nice', author: { name: 'Alan Turing' }, product: { name: 'Couch', inStock: false } } },
        });
      });
    });

    describe('errors, null bubbling and partial results', () => {
      it("gives a subgraph's error on an entity field the path in the client's operation", async () => {
        expect(await query('{ topProducts { upc reviews { body } } }')).toEqual({
          data: {
            topProducts: [
              { upc: '1', reviews: [{ body: 'Love it' }, { body: 'Too expensive' }] },
              { upc: '2', reviews: [{ body: 'Comfy' }] },
              { upc: '3', reviews: null },
            ],
          },
          errors: [
            {
              message: 'Reviews of this product are sealed',
              path: ['topProducts', 2, 'reviews'],
              extensions: { code: 'REVIEWS_SEALED', serviceName: 'reviews' },
            },
          ],
        });
      });

      it("keeps a root field error's path and code", async () => {
        expect(await query('{ product(upc: "boom") { name } me { name } }')).toEqual({
          data: { product: null, me: { name: 'Ada Lovelace' } },
          errors: [
            {
              message: 'The product catalogue is being rebuilt',
              path: ['product'],
              extensions: { code: 'CATALOGUE_REBUILDING', serviceName: 'products' },
            },
          ],
        });
      });

      it('bubbles a null non-null field up to its nullable parent', async () => {
        expect(await query('{ product(upc: "3") { name reviewCount } me { id } }')).toEqual({
          data: { product: null, me: { id: 'u1' } },
          errors: [
            {
              message: 'The review counter is down',
              path: ['product', 'reviewCount'],
              extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'reviews' },
            },
          ],
        });
      });

      it('bubbles through non-null list items up to data', async () => {
        expect(await query('{ topProducts { upc reviewCount } }')).toEqual({
          data: null,
          errors: [
            {
              message: 'The review counter is down',
              path: ['topProducts', 2, 'reviewCount'],
              extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'reviews' },
            },
          ],
        });
      });

      it('returns the rest of the data when a subgraph is down, naming it without its address', async () => {
        const result = await postGraphQL(reviewsDownServer.url, '{ topProducts(first: 2) { name shippingEstimate reviews { body } } }');
        expect(result.status).toBe(200);
        expect(result.body).toEqual({
          data: {
            topProducts: [
              { name: 'Table', shippingEstimate: 50, reviews: null },
              { name: 'Couch', shippingEstimate: 0, reviews: null },
            ],
          },
          errors: [
            {
              message: 'Subgraph "reviews" is unavailable.',
              extensions: { code: 'GW_SUBGRAPH_UNAVAILABLE', serviceName: 'reviews' },
            },
          ],
        });
      });
    });
  });
}
