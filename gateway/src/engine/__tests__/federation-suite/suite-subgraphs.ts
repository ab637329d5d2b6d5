/**
 * The subgraphs of the federation suite: small, fixed data, each built to
 * exercise one part of Federation 2 that an engine must get exactly right.
 *
 * | subgraph  | what it exercises |
 * |-----------|-------------------|
 * | accounts  | `User` entity (single key), `@inaccessible`, `@shareable` username, composite-key reference to `Department` |
 * | products  | `Product` with two keys (`upc`, `sku`), interface `Node`, union `SearchResult`, `@inaccessible` weight, the field `inStock` that inventory overrides, root-field errors |
 * | inventory | `Product` by `sku`: `@requires(fields: "price weight")` over `@external` fields, `@override(from: "products")`, `@shareable` name |
 * | reviews   | `Product` by `upc`, `User`, `@provides(fields: "username")`, entity-field errors with codes, a non-null field that fails, a mutation |
 * | directory | `Department` by the composite key `code region { code }` |
 * | media     | interface entity `Media` (`Book`, `Movie`) |
 * | ratings   | `Media` as an `@interfaceObject` |
 */
import { GraphQLError } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';

/** A suite subgraph: name, SDL (with its own `@link`) and resolvers. */
export interface SuiteSubgraphDefinition {
  readonly name: string;
  readonly federationLink: string;
  readonly typeDefs: string;
  readonly resolvers: GraphQLResolverMap<unknown>;
}

const link = (imports: readonly string[]): string =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: [${imports.map((name) => `"${name}"`).join(', ')}])`;

interface ProductRow {
  readonly id: string;
  readonly upc: string;
  readonly sku: string;
  readonly name: string;
  readonly price: number;
  readonly weight: number;
}

const PRODUCTS: readonly ProductRow[] = [
  { id: 'p1', upc: '1', sku: 's1', name: 'Table', price: 899, weight: 100 },
  { id: 'p2', upc: '2', sku: 's2', name: 'Couch', price: 1299, weight: 1000 },
  { id: 'p3', upc: '3', sku: 's3', name: 'Chair', price: 54, weight: 50 },
];
const CATEGORIES = [{ id: 'c1', title: 'Furniture' }] as const;
const USERS = [
  { id: 'u1', name: 'Ada Lovelace', username: 'ada', internalCode: 'X-1', department: { code: 'fin', region: { code: '32' } } },
  { id: 'u2', name: 'Alan Turing', username: 'alan', internalCode: 'X-2', department: { code: 'fin', region: { code: '33' } } },
  { id: 'u3', name: 'Grace Hopper', username: 'grace', internalCode: 'X-3', department: null },
] as const;
const DEPARTMENTS = [
  { code: 'fin', region: { code: '32' }, name: 'Jiangsu Finance Bureau' },
  { code: 'fin', region: { code: '33' }, name: 'Zhejiang Finance Bureau' },
] as const;
const REVIEWS = [
  { id: 'r1', body: 'Love it', authorId: 'u1', upc: '1', rating: 5 },
  { id: 'r2', body: 'Too expensive', authorId: 'u2', upc: '1', rating: 2 },
  { id: 'r3', body: 'Comfy', authorId: 'u1', upc: '2', rating: 4 },
  { id: 'r4', body: 'Wobbly', authorId: 'u3', upc: '3', rating: 1 },
] as const;
const MEDIA = [
  { __typename: 'Book', id: 'b1', title: 'Dune', author: 'Frank Herbert' },
  { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Ridley Scott' },
] as const;
const STARS: Readonly<Record<string, number>> = { b1: 5, m1: 4 };

const productBy = (key: { upc?: unknown; sku?: unknown }): ProductRow | undefined =>
  PRODUCTS.find((product) => (key.upc !== undefined ? product.upc === key.upc : product.sku === key.sku));

/** `User`, `Department` reference; `internalCode` is `@inaccessible`. */
export const ACCOUNTS: SuiteSubgraphDefinition = {
  name: 'accounts',
  federationLink: link(['@key', '@shareable', '@inaccessible']),
  typeDefs: `
    type Query {
      me: User
      user(id: ID!): User
      users: [User!]!
    }
    type User @key(fields: "id") {
      id: ID!
      name: String!
      username: String @shareable
      internalCode: String @inaccessible
      department: Department
    }
    type Department @key(fields: "code region { code }", resolvable: false) {
      code: String!
      region: Region!
    }
    type Region @shareable {
      code: String!
    }
  `,
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => USERS.find((user) => user.id === id) ?? null,
      users: () => USERS,
    },
    User: { __resolveReference: (ref: { id: string }) => USERS.find((user) => user.id === ref.id) ?? null },
  },
};

/** `Product` (keys `upc` and `sku`), `Node`, `SearchResult`. */
export const PRODUCTS_SUBGRAPH: SuiteSubgraphDefinition = {
  name: 'products',
  federationLink: link(['@key', '@shareable', '@inaccessible']),
  typeDefs: `
    type Query {
      topProducts(first: Int = 5): [Product!]!
      product(upc: String!): Product
      search(term: String!): [SearchResult!]!
      node(id: ID!): Node
    }
    interface Node {
      id: ID!
    }
    union SearchResult = Product | Category
    type Category implements Node {
      id: ID!
      title: String!
    }
    type Product implements Node @key(fields: "upc") @key(fields: "sku") {
      id: ID!
      upc: String!
      sku: String!
      name: String @shareable
      price: Int
      weight: Int @inaccessible
      inStock: Boolean
    }
  `,
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
      product: (_: unknown, { upc }: { upc: string }) => {
        if (upc === 'boom') throw new GraphQLError('The product catalogue is being rebuilt', { extensions: { code: 'CATALOGUE_REBUILDING' } });
        return productBy({ upc }) ?? null;
      },
      search: (_: unknown, { term }: { term: string }) => [
        ...PRODUCTS.filter((product) => product.name.toLowerCase().includes(term.toLowerCase())),
        ...CATEGORIES.filter((category) => category.title.toLowerCase().includes(term.toLowerCase())),
      ],
      node: (_: unknown, { id }: { id: string }) => PRODUCTS.find((p) => p.id === id) ?? CATEGORIES.find((c) => c.id === id) ?? null,
    },
    SearchResult: { __resolveType: (value: { upc?: string }) => (value.upc ? 'Product' : 'Category') },
    Node: { __resolveType: (value: { upc?: string }) => (value.upc ? 'Product' : 'Category') },
    Product: {
      __resolveReference: (ref: { upc?: string; sku?: string }) => productBy(ref) ?? null,
      // Overridden by inventory: if this resolver's answer shows up, @override was ignored.
      inStock: () => false,
    },
  },
};

/** `Product` by `sku`: `@requires`, `@override`, `@shareable`. */
export const INVENTORY: SuiteSubgraphDefinition = {
  name: 'inventory',
  federationLink: link(['@key', '@shareable', '@external', '@requires', '@override']),
  typeDefs: `
    type Product @key(fields: "sku") {
      sku: String!
      name: String @shareable
      price: Int @external
      weight: Int @external
      shippingEstimate: Int @requires(fields: "price weight")
      inStock: Boolean @override(from: "products")
    }
  `,
  resolvers: {
    Product: {
      __resolveReference: (ref: { sku: string; price?: number; weight?: number }) => {
        const row = productBy({ sku: ref.sku });
        return row ? { sku: row.sku, name: row.name, price: ref.price, weight: ref.weight } : null;
      },
      shippingEstimate: (product: { price?: number; weight?: number }) => {
        if (product.price === undefined || product.weight === undefined) throw new Error('price and weight were not provided');
        return product.price > 1000 ? 0 : product.weight / 2;
      },
      inStock: (product: { sku: string }) => product.sku !== 's2',
    },
  },
};

/** `Review`, `Product.reviews` by `upc`, `User.reviews`, `@provides`. */
export const REVIEWS_SUBGRAPH: SuiteSubgraphDefinition = {
  name: 'reviews',
  federationLink: link(['@key', '@shareable', '@external', '@provides']),
  typeDefs: `
    type Query {
      latestReviews: [Review!]!
    }
    type Mutation {
      addReview(upc: String!, body: String!): Review!
    }
    type Review @key(fields: "id") {
      id: ID!
      body: String!
      rating: Int!
      author: User @provides(fields: "username")
      product: Product
    }
    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review!]!
    }
    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review!]
      reviewCount: Int!
    }
  `,
  resolvers: {
    Query: { latestReviews: () => [...REVIEWS].reverse() },
    Mutation: {
      addReview: (_: unknown, { upc, body }: { upc: string; body: string }) => ({ id: `new-${upc}`, body, authorId: 'u2', upc, rating: 3 }),
    },
    Review: {
      author: (review: { authorId: string }) => {
        const user = USERS.find((candidate) => candidate.id === review.authorId);
        return user ? { id: user.id, username: user.username } : null;
      },
      product: (review: { upc: string }) => ({ upc: review.upc }),
    },
    User: {
      reviews: (user: { id: string }) => REVIEWS.filter((review) => review.authorId === user.id),
    },
    Product: {
      reviews: (product: { upc: string }) => {
        if (product.upc === '3') throw new GraphQLError('Reviews of this product are sealed', { extensions: { code: 'REVIEWS_SEALED' } });
        return REVIEWS.filter((review) => review.upc === product.upc);
      },
      reviewCount: (product: { upc: string }) => {
        if (product.upc === '3') throw new Error('The review counter is down');
        return REVIEWS.filter((review) => review.upc === product.upc).length;
      },
    },
  },
};

/** `Department` by the composite key `code region { code }`. */
export const DIRECTORY: SuiteSubgraphDefinition = {
  name: 'directory',
  federationLink: link(['@key', '@shareable']),
  typeDefs: `
    type Department @key(fields: "code region { code }") {
      code: String!
      region: Region!
      name: String!
    }
    type Region @shareable {
      code: String!
    }
  `,
  resolvers: {
    Department: {
      __resolveReference: (ref: { code: string; region: { code: string } }) =>
        DEPARTMENTS.find((department) => department.code === ref.code && department.region.code === ref.region.code) ?? null,
    },
  },
};

/** The interface entity `Media` and its implementations. */
export const MEDIA_SUBGRAPH: SuiteSubgraphDefinition = {
  name: 'media',
  federationLink: link(['@key']),
  typeDefs: `
    type Query {
      media: [Media!]!
    }
    interface Media @key(fields: "id") {
      id: ID!
      title: String!
    }
    type Book implements Media @key(fields: "id") {
      id: ID!
      title: String!
      author: String!
    }
    type Movie implements Media @key(fields: "id") {
      id: ID!
      title: String!
      director: String!
    }
  `,
  resolvers: {
    Query: { media: () => MEDIA },
    Media: {
      __resolveReference: (ref: { id: string }) => MEDIA.find((item) => item.id === ref.id) ?? null,
      __resolveType: (value: { __typename: string }) => value.__typename,
    },
    Book: { __resolveReference: (ref: { id: string }) => MEDIA.find((item) => item.id === ref.id) ?? null },
    Movie: { __resolveReference: (ref: { id: string }) => MEDIA.find((item) => item.id === ref.id) ?? null },
  },
};

/** `Media` as an `@interfaceObject`: adds `stars` to every implementation. */
export const RATINGS: SuiteSubgraphDefinition = {
  name: 'ratings',
  federationLink: link(['@key', '@interfaceObject']),
  typeDefs: `
    type Query {
      topRated: [Media!]!
    }
    type Media @key(fields: "id") @interfaceObject {
      id: ID!
      stars: Int!
    }
  `,
  resolvers: {
    Query: { topRated: () => [{ id: 'm1' }, { id: 'b1' }] },
    Media: {
      __resolveReference: (ref: { id: string }) => (STARS[ref.id] === undefined ? null : { id: ref.id }),
      stars: (media: { id: string }) => STARS[media.id],
    },
  },
};

/** Every suite subgraph, in composition order. */
export const SUITE_SUBGRAPHS: readonly SuiteSubgraphDefinition[] = [
  ACCOUNTS,
  PRODUCTS_SUBGRAPH,
  INVENTORY,
  REVIEWS_SUBGRAPH,
  DIRECTORY,
  MEDIA_SUBGRAPH,
  RATINGS,
];
