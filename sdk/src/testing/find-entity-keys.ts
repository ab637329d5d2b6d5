/**
 * Reads a subgraph's entity types and their `@key`s from its SDL, the way
 * the gateway's composition sees them: every object or interface type with a
 * `@key` (or `@federation__key`), merged over `extend type`, noting keys
 * marked `resolvable: false` (references only, never resolved here).
 */
import { Kind, parse, print, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** One `@key` of an entity type. */
export interface EntityKey {
  readonly typename: string;
  /** The `fields` argument as written, e.g. `idNumber` or `number region { code }`. */
  readonly fields: string;
  readonly resolvable: boolean;
}

/** @internal Every entity key declared in `sdl`, in declaration order. Throws a GraphQLError for SDL that does not parse. */
export function findEntityKeys(sdl: string | DocumentNode): EntityKey[] {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const keys: EntityKey[] = [];
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key' && directive.name.value !== 'federation__key') continue;
      const fields = stringArgument(directive, 'fields');
      if (fields === undefined) continue;
      const resolvable = directive.arguments?.find((argument) => argument.name.value === 'resolvable');
      keys.push({
        typename: definition.name.value,
        fields: fields.trim(),
        resolvable: !(resolvable && resolvable.value.kind === Kind.BOOLEAN && !resolvable.value.value),
      });
    }
  }
  return keys;
}

/** @internal `@key(fields: "idNumber")` as composition errors and messages write it. */
export function describeKey(key: Pick<EntityKey, 'typename' | 'fields'>): string {
  return `${key.typename} @key(fields: ${JSON.stringify(key.fields)})`;
}

/** @internal The top-level field names of a key's `fields` selection (`a b { c }` → `a`, `b`). */
export function topLevelKeyFields(fields: string): string[] {
  const document = parse(`{ ${fields} }`);
  const operation = document.definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
  return operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((each) => each.name.value === name);
  if (!argument) return undefined;
  return argument.value.kind === Kind.STRING ? argument.value.value : print(argument.value);
}
