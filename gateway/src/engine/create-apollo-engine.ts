/**
 * The reference engine: @apollo/gateway's query planner and executor, joined
 * to yoga by @envelop/apollo-federation. Selected with `engine: 'apollo'`; the
 * federation suite runs against it too, so it stays the yardstick the
 * `planner` engine is held to.
 */
import { ApolloGateway } from '@apollo/gateway';
import { useApolloFederation } from '@envelop/apollo-federation';
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GW_ERRORS } from '../errors';
import type { GatewayContext } from '../plugins/types';
import type { CreateEngineOptions, Engine, EngineSubgraph } from './engine';
import { messageOf } from './message-of';
import { toGraphQLDataSource } from './to-graphql-data-source';

/**
 * Loads `supergraphSdl` into @apollo/gateway and returns the engine.
 * @throws GatewayError `GW_SUPERGRAPH_INVALID` if the SDL is not a valid supergraph.
 */
export async function createApolloEngine(options: CreateEngineOptions): Promise<Engine> {
  const { supergraphSdl, logger } = options;
  const subgraphs: EngineSubgraph[] = [];
  const gateway = withoutApolloTelemetry(
    () =>
      new ApolloGateway({
        supergraphSdl,
        logger,
        __exposeQueryPlanExperimental: false,
        buildService: ({ name, url }) => {
          if (url === undefined) throw new Error(`The supergraph gives subgraph "${name}" no URL.`);
          subgraphs.push({ name, url });
          return toGraphQLDataSource(options.dataSourceFor({ name, url }));
        },
      }),
  );
  let schema: GraphQLSchema;
  try {
    ({ schema } = await gateway.load());
  } catch (error) {
    await gateway.stop().catch(() => undefined);
    throw GW_ERRORS.GW_SUPERGRAPH_INVALID.err(`The supergraph cannot be loaded: ${messageOf(error)}`, { cause: error });
  }
  return {
    schema,
    plugin: useApolloFederation<ApolloGateway, GatewayContext>({ gateway, logger }) as Plugin<GatewayContext>,
    subgraphs,
    stop: () => gateway.stop(),
  };
}

/**
 * @apollo/gateway 2.x, unless `APOLLO_TELEMETRY_DISABLED` is set when it is
 * constructed, probes cloud metadata endpoints at once and sends host metrics
 * to usage-reporting.api.apollographql.com every hour and on `stop()`. A
 * government gateway must not call out, so the variable is set for the
 * (synchronous) construction only and restored right after.
 */
function withoutApolloTelemetry<T>(construct: () => T): T {
  const previous = process.env['APOLLO_TELEMETRY_DISABLED'];
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  try {
    return construct();
  } finally {
    if (previous === undefined) delete process.env['APOLLO_TELEMETRY_DISABLED'];
    else process.env['APOLLO_TELEMETRY_DISABLED'] = previous;
  }
}
