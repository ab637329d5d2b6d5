/**
 * Builds the representation of one entity for an `_entities` fetch from the
 * fetch's `requires` selection (key fields, `@requires` fields, `__typename`),
 * reading the merged result tree. Only the selected fields are copied, so the
 * representation is as small as the plan allows. The semantics are those of
 * @apollo/gateway's `executeSelectionSet`: a missing field means the entity
 * cannot be represented (`null`).
 */
import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { isObjectOfType } from './is-object-of-type';
import { mergeInto } from './merge-into';

/** The representation of `source`, or `null` when a required field is missing. */
export function buildRepresentation(
  schema: GraphQLSchema,
  source: unknown,
  selections: readonly QueryPlanSelectionNode[],
): Record<string, unknown> | null {
  if (source === null || typeof source !== 'object') return null;
  const from = source as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const value = Object.hasOwn(from, responseName) ? from[responseName] : undefined;
      if (value === undefined) return null;
      const inner = selection.selections;
      let represented: unknown;
      if (Array.isArray(value)) represented = inner ? value.map((element: unknown) => buildRepresentation(schema, element, inner)) : value;
      else represented = inner ? buildRepresentation(schema, value, inner) : value;
      if (responseName in Object.prototype) Object.defineProperty(result, responseName, { value: represented, enumerable: true, writable: true, configurable: true });
      else result[responseName] = represented;
    } else if (selection.typeCondition && isObjectOfType(schema, from, selection.typeCondition)) {
      mergeInto(result, buildRepresentation(schema, from, selection.selections));
    }
  }
  return result;
}
