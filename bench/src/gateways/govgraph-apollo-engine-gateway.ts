/**
 * govgraph in open mode on its reference engine (`engine: 'apollo'`,
 * @apollo/gateway's executor), so the run shows what the `planner` engine
 * (the default, `govgraph-open`) changes, everything else equal.
 */
import { createGateway, createSilentLogger, GRAPHQL_PATH } from '@govgraph/gateway';
import type { AvailableBenchGateway } from './bench-gateway';
import { govgraphCommandNodeArgs } from './govgraph-command-node-args';

/** govgraph, policies off, @apollo/gateway's executor. */
export const govgraphApolloEngineGateway: AvailableBenchGateway = {
  id: 'govgraph-open-apollo-engine',
  title: 'govgraph (open mode, apollo engine)',
  nodeArgs: govgraphCommandNodeArgs,
  async start({ supergraphPath, host = '127.0.0.1', port = 0 }) {
    const gateway = await createGateway(
      { supergraph: { kind: 'file', path: supergraphPath }, host, port, logLevel: 'silent', graphiql: false, engine: 'apollo' },
      { logger: createSilentLogger() },
    );
    const listening = await gateway.listen();
    return {
      url: `${listening.url}${GRAPHQL_PATH}`,
      close: () => gateway.stop(),
    };
  },
};
