/**
 * Starts a small, real Federation 2 subgraph (`@apollo/subgraph`'s
 * `buildSubgraphSchema` served by graphql-yoga) on 127.0.0.1 and an ephemeral
 * port, and records every request it receives, so gateway tests can check
 * what the gateway actually sent over HTTP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

/** The Federation 2 `@link` every test subgraph starts with. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable"])';

/** Options of {@link startTestSubgraph}. */
export interface TestSubgraphOptions {
  readonly name: string;
  /** SDL without the `@link` line (it is prepended). */
  readonly typeDefs: string;
  readonly resolvers: GraphQLResolverMap<unknown>;
  /** Replaces {@link FEDERATION_LINK} (e.g. to import `@tag`). */
  readonly federationLink?: string;
}

/** One request the subgraph received. */
export interface RecordedSubgraphRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly query: string | undefined;
  readonly operationName: string | undefined;
}

/** A running test subgraph. */
export interface TestSubgraph {
  readonly name: string;
  /** Its GraphQL endpoint, `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** Every GraphQL request received, oldest first. */
  readonly requests: RecordedSubgraphRequest[];
  /** Stops it (drops open connections); later calls connect to a closed port. */
  stop(): Promise<void>;
}

/** Starts the subgraph; stop it in `afterAll`. */
export async function startTestSubgraph(options: TestSubgraphOptions): Promise<TestSubgraph> {
  const requests: RecordedSubgraphRequest[] = [];
  const schema = buildSubgraphSchema({ typeDefs: parse(`${options.federationLink ?? FEDERATION_LINK}\n${options.typeDefs}`), resolvers: options.resolvers });
  const yoga = createYoga({
    schema,
    logging: false,
    graphiql: false,
    maskedErrors: false,
    plugins: [
      {
        onParams({ params, request }) {
          requests.push({
            headers: Object.fromEntries(request.headers.entries()),
            query: params.query,
            operationName: params.operationName ?? undefined,
          });
        },
      },
    ],
  });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    name: options.name,
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
