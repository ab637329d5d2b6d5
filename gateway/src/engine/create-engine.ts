/**
 * The one seam around the execution engine. Nothing else in the gateway
 * imports @apollo/gateway or @apollo/query-planner: `createEngine` returns a
 * yoga plugin that executes operations, the API schema, the list of
 * subgraphs and `stop()`, whichever engine `config.engine` names:
 *
 * | engine    | what executes the plan |
 * |-----------|------------------------|
 * | `planner` | govgraph's executor (`planner-engine/`) over plans from `@apollo/query-planner` |
 * | `apollo`  | `@apollo/gateway`'s executor, the reference engine |
 */
import type { GatewayEngineName } from '../config';
import type { CreateEngineOptions, Engine } from './engine';
import { internGraphQLNames } from '../supergraph/intern-graphql-names';
import { createPlannerEngine } from './planner-engine/create-planner-engine';

export type { CreateEngineOptions, Engine, EngineDedupeOptions, EngineSubgraph } from './engine';

/**
 * Loads `supergraphSdl` into the engine `engine` names.
 * @param engine @default 'planner'
 * @throws GatewayError `GW_SUPERGRAPH_INVALID` if the SDL is not a valid supergraph.
 */
export function createEngine(options: CreateEngineOptions & { engine?: GatewayEngineName }): Promise<Engine> {
  // Before the engine parses the SDL: its names, and so the answers' keys, stay one-byte strings.
  internGraphQLNames(options.supergraphSdl);
  if (options.engine !== 'apollo') return createPlannerEngine(options);
  // Loaded only when chosen: @apollo/gateway and its dependencies are about 27 MB of resident memory
  // that a gateway on the planner engine never uses.
  const { createApolloEngine } = require('./create-apollo-engine') as typeof import('./create-apollo-engine');
  return createApolloEngine(options);
}
