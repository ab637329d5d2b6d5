/**
 * The state of one operation's plan execution: what every plan node reads
 * (supergraph schema, data sources, variables, the gateway request the calls
 * belong to) and the two things it writes (the result tree, the errors).
 */
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { SubgraphCall, SubgraphDataSource } from '../../datasources/subgraph-data-source';
import type { InflightDedupe } from './inflight-dedupe';

/** One operation's execution of its query plan. */
export interface PlanExecution {
  /** The supergraph schema (with `@inaccessible` parts): type conditions of `requires` and rewrites. */
  readonly supergraphSchema: GraphQLSchema;
  /** The data source of each subgraph, by name. */
  readonly sources: ReadonlyMap<string, SubgraphDataSource>;
  /** The variables as the client sent them: what subgraph calls forward (subgraphs coerce them). */
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  /** The coerced variables, with defaults: what `@skip` / `@include` conditions read. */
  readonly coercedVariables: Readonly<Record<string, unknown>>;
  /** The gateway request every subgraph call belongs to (request id, logger, context for the context token). */
  readonly call: SubgraphCall;
  /** Merges identical in-flight subgraph calls of one identity. @default every fetch makes its own call */
  readonly dedupe?: InflightDedupe | undefined;
  /** The result tree the fetches merge into, in place. */
  readonly data: Record<string, unknown>;
  /** Errors in the order they happened: subgraph errors re-pathed, failed fetches. */
  readonly errors: GraphQLError[];
}
