/**
 * What every execution engine gives the gateway: the API schema, one yoga
 * plugin that executes operations, the subgraphs and `stop()`. The policy
 * plugins hook around execution (`onExecute` / `onExecuteDone`), so any
 * engine that keeps this contract keeps every policy working unchanged.
 */
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SubgraphCall, SubgraphDataSource } from '../datasources/subgraph-data-source';
import type { Logger } from '../logger';
import type { GatewayContext } from '../plugins/types';

/** A subgraph as the supergraph names it (`@join__graph(name, url)`). */
export interface EngineSubgraph {
  readonly name: string;
  readonly url: string;
}

/** Options of every engine factory. */
export interface CreateEngineOptions {
  /** A composed Federation 2 supergraph SDL. */
  supergraphSdl: string;
  /** Creates the data source of each subgraph of the supergraph, once, while loading. */
  dataSourceFor(subgraph: EngineSubgraph): SubgraphDataSource;
  /** The gateway's root logger. */
  logger: Logger;
  /**
   * In-flight merging of identical subgraph calls (planner engine; the apollo
   * engine never merges). @default off
   */
  dedupe?: EngineDedupeOptions | undefined;
}

/** How the engine merges identical in-flight subgraph calls (see `planner-engine/inflight-dedupe.ts`). */
export interface EngineDedupeOptions {
  /** Subgraphs whose calls are shared across identities (their answers do not depend on the caller). */
  readonly acrossIdentities: readonly string[];
  /** Run for a request that joined another's call instead of making its own (the audit notes the subgraph). */
  readonly onJoin?: ((subgraph: string, call: SubgraphCall) => void) | undefined;
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
