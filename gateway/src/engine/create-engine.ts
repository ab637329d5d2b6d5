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
import { createApolloEngine } from './create-apollo-engine';
import type { CreateEngineOptions, Engine } from './engine';
import { createPlannerEngine } from './planner-engine/create-planner-engine';

export type { CreateEngineOptions, Engine, EngineSubgraph } from './engine';

/**
 * Loads `supergraphSdl` into the engine `engine` names.
 * @param engine @default 'planner'
 * @throws GatewayError `GW_SUPERGRAPH_INVALID` if the SDL is not a valid supergraph.
 */
export function createEngine(options: CreateEngineOptions & { engine?: GatewayEngineName }): Promise<Engine> {
  return options.engine === 'apollo' ? createApolloEngine(options) : createPlannerEngine(options);
}
