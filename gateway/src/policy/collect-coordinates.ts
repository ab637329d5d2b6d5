/**
 * Every field coordinate an operation can touch (ARCHITECTURE.md step 4),
 * found from the document and the API schema, never from the result, so it
 * is known before any subgraph is called:
 * - through named fragments and inline fragments, with the type each one is on;
 * - a field selected on an interface is the interface's coordinate AND that
 *   field of every type implementing it (any of them may answer);
 * - fields selected inside a fragment on a union member or an implementing
 *   type are that type's coordinates;
 * - aliases do not matter (coordinates are by field name);
 * - `__typename` is free; `__schema` and `__type` mark the operation as
 *   introspection (their own fields are not coordinates of the graph).
 * Cost is O(selections in the document): each fragment is walked once.
 */
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What an operation touches. */
export interface OperationCoordinates {
  /** `Type.field` coordinates, sorted. */
  readonly coordinates: readonly string[];
  /** The operation selects `__schema` or `__type`. */
  readonly introspection: boolean;
}

/** Introspection root fields. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Collects the coordinates of operation `operationName` (or the only one) of
 * a document that passed validation against `schema`.
 * Returns `undefined` if the document has no such operation.
 */
export function collectOperationCoordinates(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
): OperationCoordinates | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return undefined;
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;

  const coordinates = new Set<string>();
  let introspection = false;
  const walkedFragments = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (INTROSPECTION_FIELDS.has(name) && parent === root) {
          introspection = true;
          continue;
        }
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue; // unions have only __typename
        const field = parent.getFields()[name];
        if (!field) continue;
        coordinates.add(`${parent.name}.${name}`);
        if (isInterfaceType(parent)) {
          for (const implementation of schema.getPossibleTypes(parent)) {
            if (implementation.getFields()[name]) coordinates.add(`${implementation.name}.${name}`);
          }
        }
        const returned = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(returned)) walk(selection.selectionSet, returned);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (on && isCompositeType(on)) walk(selection.selectionSet, on);
      } else {
        const name = selection.name.value;
        if (walkedFragments.has(name)) continue; // its coordinates are already in (a fragment is on one type)
        walkedFragments.add(name);
        const fragment = fragments.get(name);
        const on = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (fragment && on && isCompositeType(on)) walk(fragment.selectionSet, on);
      }
    }
  };
  walk(operation.selectionSet, root);
  return { coordinates: [...coordinates].sort(), introspection };
}
