/**
 * Gateway (4): Hive Gateway (`@graphql-hive/gateway-runtime`) with the Rust
 * query planner (`unifiedGraphHandler` of `@graphql-hive/router-runtime`),
 * served by node:http. Both packages are dev-dependencies of the benchmark
 * only, loaded when this gateway starts.
 *
 * No call leaves the machine: the supergraph is a local file (no Hive CDN,
 * no GraphOS, no polling), `reporting` and `persistedDocuments` are left
 * unset (they are the only features that talk to Hive Console or GraphOS),
 * and GraphiQL and the landing page (which load assets from a CDN) are off.
 * Its default outbound de-duplication of identical in-flight subgraph
 * requests stays on, as shipped; the subgraph-fetch column shows its effect.
 * The `http` transport is passed in (see `hive-http-transport.ts`).
 */
import type { AvailableBenchGateway, RunningBenchGateway, StartBenchGatewayOptions } from './bench-gateway';
import { createHiveHttpTransport } from './hive-http-transport';
import { listenOnLoopback } from './listen-on-loopback';

/** Hive Gateway with the Rust query planner, as shipped (identical in-flight subgraph requests merged). */
export const hiveRustGateway: AvailableBenchGateway = {
  id: 'hive-rust',
  title: 'Hive Gateway + Rust query planner',
  start: (options) => startHiveGateway(options, true),
};

/**
 * The same with the merging of identical in-flight subgraph requests off:
 * the benchmark's 50 clients all send one query, so merging answers many
 * clients with one subgraph call, which govgraph and the baseline never do.
 */
export const hiveRustNoDedupeGateway: AvailableBenchGateway = {
  id: 'hive-rust-no-dedupe',
  title: 'Hive Gateway + Rust query planner, no in-flight merging',
  start: (options) => startHiveGateway(options, false),
};

async function startHiveGateway(
  { supergraphPath, host = '127.0.0.1', port = 0 }: StartBenchGatewayOptions,
  deduplicateInflightRequests: boolean,
): Promise<RunningBenchGateway> {
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = await import('@graphql-hive/router-runtime');
  const gateway = createGatewayRuntime({
    supergraph: supergraphPath,
    unifiedGraphHandler,
    transports: { http: createHiveHttpTransport({ deduplicateInflightRequests }) },
    graphqlEndpoint: '/graphql',
    logging: false,
    graphiql: false,
    landingPage: false,
  });
  return listenOnLoopback(gateway, {
    host,
    port,
    path: '/graphql',
    onClose: async () => {
      await gateway.dispose();
    },
  });
}
