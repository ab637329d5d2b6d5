/**
 * The one seam around the execution engine: today @apollo/gateway's query
 * planner and executor, joined to yoga by @envelop/apollo-federation. Nothing
 * else in the gateway imports either package, so a faster executor can
 * replace this file without touching the policy plugins: it only has to give
 * back a yoga plugin that executes operations, the API schema, the list of
 * subgraphs, and `stop()`.
 */
import { ApolloGateway } from '@apollo/gateway';
import { useApolloFederation } from '@envelop/apollo-federation';
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SubgraphDataSource } from '../datasources/subgraph-data-source';
import { GW_ERRORS } from '../errors';
import type { Logger } from '../logger';
import type { GatewayContext } from '../plugins/types';
import { toGraphQLDataSource } from './to-graphql-data-source';

/** A subgraph as the supergraph names it (`@join__graph(name, url)`). */
export interface EngineSubgraph {
  readonly name: string;
  readonly url: string;
}

/** Options of {@link createEngine}. */
export interface CreateEngineOptions {
  /** A composed Federation 2 supergraph SDL. */
  supergraphSdl: string;
  /** Creates the data source of each subgraph of the supergraph, once, while loading. */
  dataSourceFor(subgraph: EngineSubgraph): SubgraphDataSource;
  /** The gateway's root logger. */
  logger: Logger;
}

/** A loaded execution engine. */
export interface Engine {
  /** The API schema clients query (the supergraph without federation internals). */
  readonly schema: GraphQLSchema;
  /** The yoga plugin that sets the schema and executes operations through the query planner. */
  readonly plugin: Plugin<GatewayContext>;
  /** The subgraphs of the supergraph, in the order the engine created their data sources. */
  readonly subgraphs: readonly EngineSubgraph[];
  /** Releases the engine (not the data sources: their creator closes them). */
  stop(): Promise<void>;
}

/**
 * Loads `supergraphSdl` and returns the engine.
 * @throws GatewayError `GW_SUPERGRAPH_INVALID` if the SDL is not a valid supergraph.
 */
export async function createEngine(options: CreateEngineOptions): Promise<Engine> {
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

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
