/**
 * Gateway (1): govgraph with no policy plugins (open mode), the supergraph
 * read from a file. Logging is silent so the log is not what is measured.
 */
import { createGateway, createSilentLogger, GRAPHQL_PATH } from '@govgraph/gateway';
import type { AvailableBenchGateway } from './bench-gateway';
import { govgraphCommandNodeArgs } from './govgraph-command-node-args';

/** govgraph, policies off. */
export const govgraphOpenGateway: AvailableBenchGateway = {
  id: 'govgraph-open',
  title: 'govgraph (open mode)',
  nodeArgs: govgraphCommandNodeArgs,
  async start({ supergraphPath, host = '127.0.0.1', port = 0 }) {
    const gateway = await createGateway(
      { supergraph: { kind: 'file', path: supergraphPath }, host, port, logLevel: 'silent', graphiql: false },
      { logger: createSilentLogger() },
    );
    const listening = await gateway.listen();
    return {
      url: `${listening.url}${GRAPHQL_PATH}`,
      close: () => gateway.stop(),
    };
  },
};
