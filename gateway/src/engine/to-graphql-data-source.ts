/**
 * Adapts the gateway's subgraph data source (plain HTTP, no Apollo types) to
 * @apollo/gateway's `GraphQLDataSource`, replacing `RemoteGraphQLDataSource`
 * and its make-fetch-happen client. The GraphQL context of the incoming
 * request rides along, so the call carries its request id and logger.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import type { SubgraphDataSource } from '../datasources/subgraph-data-source';
import type { GatewayContext } from '../plugins/types';

/** Wraps `source` as an @apollo/gateway data source. */
export function toGraphQLDataSource(source: SubgraphDataSource): GraphQLDataSource<GatewayContext> {
  return {
    async process(options) {
      const { query, variables, operationName, extensions } = options.request;
      if (!query) throw new Error(`The query plan sent an empty query to subgraph "${source.name}".`);
      // Only calls made for a client's operation carry its context (not health checks or schema loading).
      const context = 'incomingRequestContext' in options ? (options.context as GatewayContext) : undefined;
      return source.send(
        { query, variables, operationName, extensions },
        { requestId: context?.requestId, logger: context?.logger, context },
      );
    },
  };
}
