/**
 * Walks a query plan: `Sequence` in order, `Parallel` at once, `Flatten`
 * moves the cursor to every object at a path, `Condition` picks a branch
 * from a `@skip` / `@include` variable, `Fetch` calls a subgraph. A failed
 * fetch becomes an error of the operation and the rest of the plan goes on
 * (partial results). `@defer` is refused before execution (see prepare-operation.ts).
 */
import type { PlanNode } from '@apollo/query-planner';
import { GraphQLError } from 'graphql';
import { executeFetch } from './execute-fetch';
import type { PlanExecution } from './plan-execution';
import { moveIntoCursor, type ResultCursor } from './result-cursor';

/** Executes `node` at `cursor`, merging into `execution.data`. */
export async function executePlanNode(execution: PlanExecution, node: PlanNode, cursor: ResultCursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executePlanNode(execution, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executePlanNode(execution, child, cursor)));
      return;
    case 'Flatten': {
      const moved = moveIntoCursor(cursor, node.path);
      if (moved) await executePlanNode(execution, node.node, moved);
      return;
    }
    case 'Fetch':
      try {
        await executeFetch(execution, node, cursor);
      } catch (error) {
        // Not a GraphQLError of the gateway's making: the client sees it masked, the log has it.
        execution.errors.push(new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: asError(error) }));
      }
      return;
    case 'Condition': {
      const value = execution.coercedVariables[node.condition];
      if (typeof value !== 'boolean') throw new Error(`Missing or non-boolean value for the condition variable $${node.condition}`);
      const branch = value ? node.ifClause : node.elseClause;
      if (branch) await executePlanNode(execution, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('@defer is not supported by the planner engine.');
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
