/**
 * The `http` transport of Hive Gateway, for the benchmark only.
 *
 * `@graphql-hive/gateway-runtime` loads `@graphql-mesh/transport-http` on the
 * first subgraph call; the full `@graphql-hive/gateway` package ships it, the
 * runtime alone does not, and it is not installed in this workspace. That
 * transport is a thin wrapper of `@graphql-tools/executor-http`'s
 * `buildHTTPExecutor` (installed with the runtime): the subgraph's URL and
 * headers from the supergraph, the gateway's own `fetch` (so its plugins
 * still see each call), the executor's defaults, including the
 * de-duplication of identical in-flight subgraph requests. This is the same,
 * passed in through the runtime's `transports` option, with the
 * de-duplication switchable to measure its effect.
 */
import type { Transport } from '@graphql-mesh/transport-common';
import { buildHTTPExecutor, type HTTPExecutorOptions } from '@graphql-tools/executor-http';

/**
 * `transports: { http: createHiveHttpTransport() }`.
 * @param options.deduplicateInflightRequests merge identical in-flight subgraph requests @default true (as shipped)
 */
export function createHiveHttpTransport(options: { deduplicateInflightRequests?: boolean } = {}): Transport {
  return {
    getSubgraphExecutor({ transportEntry, fetch, getDisposeReason, subgraphName }) {
      if (!transportEntry.location) throw new Error(`subgraph ${subgraphName} has no URL in the supergraph`);
      return buildHTTPExecutor({
        endpoint: transportEntry.location,
        headers: Object.fromEntries(transportEntry.headers ?? []),
        ...(fetch ? { fetch: fetch as HTTPExecutorOptions['fetch'] } : {}),
        ...(getDisposeReason ? { getDisposeReason } : {}),
        ...transportEntry.options,
        deduplicateInflightRequests: options.deduplicateInflightRequests ?? true,
      });
    },
  };
}
