/**
 * The `planner` engine: plans come from `@apollo/query-planner` (the same
 * planner and version @apollo/gateway uses, over `Supergraph.build(sdl)`),
 * cached per (document, operation name); govgraph executes them itself. The
 * result tree is built by merging subgraph answers in place (no deep
 * clones), entity representations are sent once per distinct entity, and the
 * response is shaped along a shape compiled with the plan. Subgraph calls go
 * through the gateway's `SubgraphDataSource` (undici pool, request id,
 * context-token hook), with the request's GraphQL context; identical calls
 * of one identity in flight at once share one HTTP call (`inflight-dedupe.ts`).
 *
 * It executes in envelop's `onExecute` (`setExecuteFn`), where
 * @apollo/gateway's executor ran, so every policy plugin hooks around it
 * exactly as before.
 */
import { Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { getVariableValues, GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SubgraphDataSource } from '../../datasources/subgraph-data-source';
import { GW_ERRORS } from '../../errors';
import type { GatewayContext } from '../../plugins/types';
import type { CreateEngineOptions, Engine, EngineSubgraph } from '../engine';
import { messageOf } from '../message-of';
import { executePlanNode } from './execute-plan-node';
import { createInflightDedupe } from './inflight-dedupe';
import type { PlanExecution } from './plan-execution';
import { prepareOperation, type PreparationContext } from './prepare-operation';
import { createPreparedOperationCache } from './prepared-operation-cache';
import { shapeResponse } from './shape-response';

const NO_VARIABLES: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Loads `supergraphSdl` and returns the planner engine.
 * @throws GatewayError `GW_SUPERGRAPH_INVALID` if the SDL is not a valid supergraph.
 */
export async function createPlannerEngine(options: CreateEngineOptions): Promise<Engine> {
  let apiSchema: Schema;
  let schema: GraphQLSchema;
  let supergraphSchema: GraphQLSchema;
  let planner: QueryPlanner;
  let metadata: readonly { name: string; url?: string | undefined }[];
  try {
    const supergraph = Supergraph.build(options.supergraphSdl, { validateSupergraph: true });
    apiSchema = supergraph.apiSchema();
    schema = apiSchema.toGraphQLJSSchema();
    supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    planner = new QueryPlanner(supergraph);
    metadata = [...supergraph.subgraphsMetadata()];
  } catch (error) {
    throw GW_ERRORS.GW_SUPERGRAPH_INVALID.err(`The supergraph cannot be loaded: ${messageOf(error)}`, { cause: error });
  }

  const subgraphs: EngineSubgraph[] = [];
  const sources = new Map<string, SubgraphDataSource>();
  for (const { name, url } of metadata) {
    if (url === undefined) throw GW_ERRORS.GW_SUPERGRAPH_INVALID.err(`The supergraph cannot be loaded: it gives subgraph "${name}" no URL.`);
    subgraphs.push({ name, url });
    sources.set(name, options.dataSourceFor({ name, url }));
  }

  const preparation: PreparationContext = { apiSchema, schema, planner };
  const operations = createPreparedOperationCache();
  const dedupe = options.dedupe ? createInflightDedupe(options.dedupe) : undefined;

  const execute = async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const operationName = args.operationName ?? undefined;
    const prepared = operations.get(args.document, operationName, () => prepareOperation(preparation, args.document, operationName));
    if (prepared.kind === 'refused') return { errors: prepared.errors };

    const rawVariables = (args.variableValues ?? undefined) as Readonly<Record<string, unknown>> | undefined;
    let coercedVariables = NO_VARIABLES;
    if (prepared.variableDefinitions.length > 0) {
      // Against yoga's schema: custom scalar validation (apply-scalar-validation.ts) applies here.
      const coerced = getVariableValues(args.schema, prepared.variableDefinitions, rawVariables ?? {});
      if (coerced.errors) return { errors: coerced.errors };
      coercedVariables = coerced.coerced;
    }

    const context = args.contextValue as GatewayContext | undefined;
    const data: Record<string, unknown> = {};
    const execution: PlanExecution = {
      supergraphSchema,
      sources,
      variables: rawVariables,
      coercedVariables,
      call: { requestId: context?.requestId, logger: context?.logger, context },
      dedupe,
      data,
      errors: [],
    };
    const root = prepared.plan.node;
    if (root) {
      if (root.kind === 'Subscription') return { errors: [new GraphQLError('Subscriptions are not supported by the gateway.')] };
      await executePlanNode(execution, root, { path: [], data, root: data });
    }
    const shaped = shapeResponse(prepared.shape, data, { schema: args.schema, variables: coercedVariables, rawVariables });
    // As @apollo/gateway: value-completion errors are reported only when nothing else went wrong,
    // and then in `extensions.valueCompletion` (a subgraph error already explains the nulls).
    if (execution.errors.length === 0 && shaped.errors.length > 0) return { data: shaped.data, extensions: { valueCompletion: shaped.errors } };
    return execution.errors.length === 0 ? { data: shaped.data } : { errors: execution.errors, data: shaped.data };
  };

  const plugin: Plugin<GatewayContext> = {
    onPluginInit({ setSchema }) {
      setSchema(schema);
    },
    onExecute({ setExecuteFn }) {
      setExecuteFn(execute as Parameters<typeof setExecuteFn>[0]);
    },
  };

  return { schema, plugin, subgraphs, stop: async () => undefined };
}
