/**
 * Compiles an operation, once per cached plan, into the shape its response
 * must have: for each selection its response name, `@skip` / `@include`
 * conditions, the field's type in the API schema, and the sub-selections,
 * with named fragments resolved and each fragment's type condition ready to
 * test. `shapeResponse` then walks the merged result along it without
 * looking anything up by name in the schema.
 */
import {
  getNamedType,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type DirectiveNode,
} from 'graphql';

/** `@skip(if:)` / `@include(if:)` of a selection: a literal or a variable, and the value that keeps it. */
export interface ShapeCondition {
  /** The variable's name, or `undefined` for a literal. */
  readonly variable: string | undefined;
  readonly literal: boolean;
  /** `true` for `@include`, `false` for `@skip`: the value that keeps the selection. */
  readonly keepWhen: boolean;
}

/** A field of the response. */
export interface ShapeField {
  readonly kind: 'field';
  readonly responseName: string;
  /** The name needs an own-property check (`constructor`, `__proto__`, …). */
  readonly unsafeName: boolean;
  readonly conditions: readonly ShapeCondition[] | undefined;
  /** `__typename`. */
  readonly isTypename: boolean;
  /** `__schema` / `__type`: answered by graphql-js over the API schema, with this one-field document. */
  readonly introspection: DocumentNode | undefined;
  /** The field's type in the API schema (unused for `__typename`). */
  readonly type: GraphQLOutputType;
  /** Sub-selections of a composite field. */
  readonly selections: readonly ShapeSelection[] | undefined;
}

/** An inline fragment or a fragment spread. */
export interface ShapeFragment {
  readonly kind: 'fragment';
  readonly conditions: readonly ShapeCondition[] | undefined;
  /** The type condition, or `undefined` when there is none. */
  readonly typeCondition: GraphQLCompositeType | undefined;
  readonly selections: readonly ShapeSelection[];
}

/** One selection of the response shape. */
export type ShapeSelection = ShapeField | ShapeFragment;

/** The compiled shape of an operation's response. */
export interface ResponseShape {
  readonly rootType: GraphQLCompositeType;
  readonly selections: readonly ShapeSelection[];
}

/** Compiles `operation` (with the document's fragments) against the API schema. */
export function compileResponseShape(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ResponseShape {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new Error(`The schema has no ${operation.operation} type.`);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const compiler = new ShapeCompiler(schema, operation, fragments);
  return { rootType, selections: compiler.selectionSet(operation.selectionSet, rootType, true) };
}

class ShapeCompiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly operation: OperationDefinitionNode,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  selectionSet(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, atRoot: boolean): ShapeSelection[] {
    return selectionSet.selections.map((selection) => this.selection(selection, parentType, atRoot));
  }

  private selection(selection: SelectionNode, parentType: GraphQLCompositeType, atRoot: boolean): ShapeSelection {
    const conditions = conditionsOf(selection.directives);
    if (selection.kind === Kind.FIELD) return this.field(selection, parentType, conditions, atRoot);
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
    if (!fragment) throw new Error(`Unknown fragment "${selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : ''}".`);
    const typeCondition = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : undefined;
    if (typeCondition !== undefined && !isCompositeType(typeCondition)) throw new Error(`Fragment on non-composite type ${String(typeCondition)}.`);
    return {
      kind: 'fragment',
      conditions,
      typeCondition,
      selections: this.selectionSet(fragment.selectionSet, typeCondition ?? parentType, atRoot),
    };
  }

  private field(node: FieldNode, parentType: GraphQLCompositeType, conditions: readonly ShapeCondition[] | undefined, atRoot: boolean): ShapeField {
    const name = node.name.value;
    const responseName = node.alias?.value ?? name;
    const base = { kind: 'field' as const, responseName, unsafeName: responseName in Object.prototype, conditions };
    if (name === '__typename') {
      return { ...base, isTypename: true, introspection: undefined, type: parentType, selections: undefined };
    }
    if (atRoot && (name === '__schema' || name === '__type')) {
      return { ...base, isTypename: false, introspection: this.introspectionDocument(node), type: parentType, selections: undefined };
    }
    const definition: GraphQLField<unknown, unknown> | undefined = 'getFields' in parentType ? parentType.getFields()[name] : undefined;
    if (!definition) throw new Error(`Cannot query field "${name}" on type "${parentType.name}".`);
    const named = getNamedType(definition.type);
    const selections = node.selectionSet && isCompositeType(named) ? this.selectionSet(node.selectionSet, named, false) : undefined;
    return { ...base, isTypename: false, introspection: undefined, type: definition.type, selections };
  }

  /** A query of this one introspection field, with the operation's variables and every fragment. */
  private introspectionDocument(node: FieldNode): DocumentNode {
    return {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: this.operation.operation,
          variableDefinitions: this.operation.variableDefinitions,
          selectionSet: { kind: Kind.SELECTION_SET, selections: [node] },
        },
        ...this.fragments.values(),
      ],
    };
  }
}

function conditionsOf(directives: readonly DirectiveNode[] | undefined): ShapeCondition[] | undefined {
  if (!directives || directives.length === 0) return undefined;
  const conditions: ShapeCondition[] = [];
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const argument = directive.arguments?.find((candidate) => candidate.name.value === 'if');
    if (!argument) continue;
    const { value } = argument;
    const keepWhen = name === 'include';
    if (value.kind === Kind.VARIABLE) conditions.push({ variable: value.name.value, literal: false, keepWhen });
    else if (value.kind === Kind.BOOLEAN) conditions.push({ variable: undefined, literal: value.value, keepWhen });
  }
  return conditions.length > 0 ? conditions : undefined;
}
