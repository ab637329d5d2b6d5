/**
 * Everything about an operation that does not depend on its variables,
 * computed once and cached: the query plan from `@apollo/query-planner`, the
 * compiled response shape, the variable definitions. Plans with `@defer`
 * and subscriptions are refused here, clearly, before anything is sent.
 */
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { PlanNode, QueryPlan, QueryPlanner, SubscriptionNode } from '@apollo/query-planner';
import { getOperationAST, GraphQLError, type DocumentNode, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { compileResponseShape, type ResponseShape } from './compile-response-shape';

/** An operation ready to execute. */
export interface PreparedOperation {
  readonly kind: 'prepared';
  readonly plan: QueryPlan;
  readonly shape: ResponseShape;
  readonly variableDefinitions: readonly VariableDefinitionNode[];
}

/** An operation that cannot be executed, and why (returned to the client as its errors). */
export interface RefusedOperation {
  readonly kind: 'refused';
  readonly errors: readonly GraphQLError[];
}

/** What {@link prepareOperation} needs of the engine. */
export interface PreparationContext {
  /** The API schema, as the query planner reads it. */
  readonly apiSchema: Schema;
  /** The API schema as graphql-js reads it (the one yoga validates against). */
  readonly schema: GraphQLSchema;
  readonly planner: QueryPlanner;
}

/**
 * Plans `operationName` of `document` (already validated by yoga).
 * @throws whatever the query planner throws for a plan it cannot build
 */
export function prepareOperation(context: PreparationContext, document: DocumentNode, operationName: string | undefined): PreparedOperation | RefusedOperation {
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message = operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.';
    return { kind: 'refused', errors: [new GraphQLError(message)] };
  }
  if (operation.operation === 'subscription') {
    return { kind: 'refused', errors: [new GraphQLError('Subscriptions are not supported by the gateway.')] };
  }
  const plan = context.planner.buildQueryPlan(operationFromDocument(context.apiSchema, document, { operationName }));
  if (plan.node && containsDefer(plan.node)) {
    return { kind: 'refused', errors: [new GraphQLError('@defer is not supported by the planner engine.')] };
  }
  return {
    kind: 'prepared',
    plan,
    shape: compileResponseShape(context.schema, document, operation),
    variableDefinitions: operation.variableDefinitions ?? [],
  };
}

function containsDefer(node: PlanNode | SubscriptionNode): boolean {
  switch (node.kind) {
    case 'Defer':
      return true;
    case 'Sequence':
    case 'Parallel':
      return node.nodes.some(containsDefer);
    case 'Flatten':
      return containsDefer(node.node);
    case 'Condition':
      return (node.ifClause !== undefined && containsDefer(node.ifClause)) || (node.elseClause !== undefined && containsDefer(node.elseClause));
    case 'Subscription':
      return containsDefer(node.primary) || (node.rest !== undefined && containsDefer(node.rest));
    case 'Fetch':
      return false;
  }
}
