/**
 * One `Fetch` node: a root fetch merges the subgraph's data into the result
 * tree; an entity fetch (with `requires`) builds one representation per
 * entity at the cursor, sends each distinct representation once, and merges
 * each answer into every entity it stands for. Subgraph errors get the paths
 * of the client's operation; a failed call leaves the rest of the data.
 */
import type { FetchNode } from '@apollo/query-planner';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphResponse } from '../../datasources/subgraph-data-source';
import { applyRewrites } from './apply-rewrites';
import { buildRepresentation } from './build-representation';
import { mergeInto } from './merge-into';
import type { PlanExecution } from './plan-execution';
import { concretePathsAt, entitiesAt, type ResultCursor } from './result-cursor';
import { toDownstreamError } from './to-downstream-error';

/**
 * Executes `fetch` at `cursor`.
 * @throws Error when the plan or the subgraph's answer breaks the protocol
 *   (unknown subgraph, `_entities` missing or of the wrong length); the
 *   caller records it as an error of the operation.
 */
export async function executeFetch(execution: PlanExecution, fetch: FetchNode, cursor: ResultCursor): Promise<void> {
  const source = execution.sources.get(fetch.serviceName);
  if (!source) throw new Error(`The query plan names subgraph "${fetch.serviceName}", which the supergraph does not have.`);
  if (fetch.contextRewrites && fetch.contextRewrites.length > 0) {
    throw new Error(`Subgraph "${fetch.serviceName}": @fromContext (context rewrites) is not supported by the planner engine.`);
  }
  const entities = entitiesAt(cursor);
  if (entities.length === 0) return;
  const variables = forwardedVariables(execution, fetch);
  const send = (vars: Record<string, unknown>): Promise<SubgraphResponse> => {
    const request = { query: fetch.operation, variables: vars, operationName: fetch.operationName };
    const { dedupe, call } = execution;
    if (!dedupe) return source.send(request, call);
    const json = JSON.stringify(request);
    return dedupe.send(fetch.serviceName, json, call, () => source.send({ ...request, json }, call));
  };

  if (!fetch.requires) {
    const response = await send(variables);
    if (response.errors) {
      for (const error of response.errors) {
        execution.errors.push(toDownstreamError(error, fetch.serviceName, error.path ? [...cursor.path, ...error.path] : undefined));
      }
    }
    const data = response.data;
    if (!data) return;
    applyRewrites(execution.supergraphSchema, fetch.outputRewrites, data);
    for (const entity of entities) mergeInto(entity, data);
    return;
  }

  // One representation per distinct entity: the same author of fifty reviews is sent once.
  const representations: Record<string, unknown>[] = [];
  const targets: number[][] = [];
  const indexByKey = new Map<string, number>();
  for (let index = 0; index < entities.length; index += 1) {
    const representation = buildRepresentation(execution.supergraphSchema, entities[index], fetch.requires);
    if (!representation || !representation['__typename']) continue;
    applyRewrites(execution.supergraphSchema, fetch.inputRewrites, representation);
    const key = JSON.stringify(representation);
    const known = indexByKey.get(key);
    if (known === undefined) {
      indexByKey.set(key, representations.length);
      representations.push(representation);
      targets.push([index]);
    } else {
      targets[known]?.push(index);
    }
  }
  if (representations.length === 0) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');

  const response = await send({ ...variables, representations });
  if (response.errors) pushEntityErrors(execution, fetch.serviceName, response.errors, cursor, targets);
  const data = response.data;
  if (!data) return;
  const received = data['_entities'];
  if (!Array.isArray(received)) throw new Error(`Subgraph "${fetch.serviceName}": expected "data._entities" in the response to be a list.`);
  if (received.length !== representations.length) {
    throw new Error(`Subgraph "${fetch.serviceName}": expected "data._entities" to contain ${representations.length} elements, got ${received.length}.`);
  }
  for (let index = 0; index < received.length; index += 1) {
    const answer = received[index] as Record<string, unknown> | null | undefined;
    const into = targets[index] ?? [];
    if (answer) {
      if (!answer['__typename']) answer['__typename'] = entities[into[0] ?? 0]?.['__typename'];
      applyRewrites(execution.supergraphSchema, fetch.outputRewrites, answer);
    }
    for (const entityIndex of into) mergeInto(entities[entityIndex] as Record<string, unknown>, answer);
  }
}

/** The operation's variables the fetch uses, as the client sent them. */
function forwardedVariables(execution: PlanExecution, fetch: FetchNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const provided = execution.variables;
  if (!fetch.variableUsages || !provided) return variables;
  for (const name of fetch.variableUsages) {
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  return variables;
}

/**
 * Errors at `["_entities", i, …]` belong to every entity representation `i`
 * stands for: each gets the error at its own path in the client's operation.
 */
function pushEntityErrors(
  execution: PlanExecution,
  serviceName: string,
  errors: readonly GraphQLFormattedError[],
  cursor: ResultCursor,
  targets: readonly number[][],
): void {
  let paths: (string | number)[][] | undefined;
  for (const error of errors) {
    const path = error.path;
    const representation = path?.[1];
    if (!path || typeof representation !== 'number') {
      execution.errors.push(toDownstreamError(error, serviceName, path ? [...cursor.path, ...path] : undefined));
      continue;
    }
    paths ??= concretePathsAt(cursor);
    const entityIndexes = targets[representation];
    if (!entityIndexes) {
      execution.errors.push(toDownstreamError(error, serviceName, path.slice(2)));
      continue;
    }
    for (const entityIndex of entityIndexes) {
      execution.errors.push(toDownstreamError(error, serviceName, [...(paths[entityIndex] ?? []), ...path.slice(2)]));
    }
  }
}
