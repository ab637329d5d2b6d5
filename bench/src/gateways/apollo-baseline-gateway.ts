/**
 * Gateway (3), the baseline: plain graphql-yoga with `@apollo/gateway` behind
 * `useApolloFederation`, with @apollo/gateway's DEFAULT data source (its
 * make-fetch-happen HTTP client): what one gets following the libraries'
 * READMEs. Logging off. `APOLLO_TELEMETRY_DISABLED` is set before the
 * gateway is built so it makes no call out of the machine.
 */
import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { useApolloFederation } from '@envelop/apollo-federation';
import { createYoga } from 'graphql-yoga';
import type { AvailableBenchGateway } from './bench-gateway';
import { listenOnLoopback } from './listen-on-loopback';

/** yoga + @apollo/gateway, defaults. */
export const apolloBaselineGateway: AvailableBenchGateway = {
  id: 'apollo-baseline',
  title: 'graphql-yoga + @apollo/gateway',
  async start({ supergraphPath, host = '127.0.0.1', port = 0 }) {
    process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
    const supergraphSdl = await readFile(supergraphPath, 'utf8');
    const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const gateway = new ApolloGateway({ supergraphSdl, logger: silent });
    await gateway.load();
    const yoga = createYoga({
      graphqlEndpoint: '/graphql',
      plugins: [useApolloFederation({ gateway, logger: silent })],
      logging: false,
      graphiql: false,
      landingPage: false,
    });
    return listenOnLoopback(yoga, {
      host,
      port,
      path: '/graphql',
      onClose: async () => {
        await gateway.stop();
        await yoga.dispose();
      },
    });
  },
};
