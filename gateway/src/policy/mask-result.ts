/**
 * Step 7 (ARCHITECTURE.md): masks values in an execution result. The walk
 * follows the operation's selections (so aliased fields are found under
 * their alias) and the schema's types; the coordinate of a value is
 * `ParentType.fieldName`. Under an interface or union the concrete type is
 * read from `__typename` when the result has it; otherwise every type the
 * selection may be on is considered, and the value is masked if any of them
 * is (fail closed).
 */
import {
  getNamedType,
  isAbstractType,
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
import type { MaskRule } from '../stores/mask-rule';
import { maskValue } from './mask-value';

/** The values of one coordinate that were masked. */
export interface MaskedCoordinate {
  readonly coordinate: string;
  readonly rule: MaskRule;
  /** Response paths (aliases as sent), in result order. */
  readonly paths: readonly (readonly (string | number)[])[];
}

/** Input of {@link maskResult}. */
export interface MaskResultInput {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName?: string | null | undefined;
  /** The result's `data`, masked in place. */
  readonly data: Record<string, unknown>;
  /** Coordinates to mask, with their rule. */
  readonly masked: ReadonlyMap<string, MaskRule>;
}

/** Masks `data` in place and returns what was masked, by coordinate. */
export function maskResult(input: MaskResultInput): MaskedCoordinate[] {
  const { schema, document, masked } = input;
  if (masked.size === 0) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  let operations = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations += 1;
      if (input.operationName ? definition.name?.value === input.operationName : true) operation = definition;
    }
  }
  if (!operation || (!input.operationName && operations > 1)) return [];
  const root = schema.getRootType(operation.operation);
  if (!root) return [];

  const found = new Map<string, { rule: MaskRule; paths: (string | number)[][] }>();
  const maskedLeaves = new WeakMap<object, Set<string>>();
  const record = (coordinate: string, rule: MaskRule, path: (string | number)[]): void => {
    const entry = found.get(coordinate);
    if (entry) entry.paths.push(path);
    else found.set(coordinate, { rule, paths: [path] });
  };

  /** Visits the object `value` of static type `parent` with `selectionSet`. */
  const visitObject = (value: Record<string, unknown>, parent: GraphQLCompositeType, selectionSet: SelectionSetNode, path: (string | number)[]): void => {
    const runtime = runtimeTypeOf(value, parent);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!(key in value) || selection.name.value.startsWith('__')) continue;
        visitField(value, key, selection.name.value, runtime ?? parent, parent, selection.selectionSet, [...path, key]);
      } else {
        const condition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : fragments.get(selection.name.value)?.typeCondition.name.value;
        const set = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet;
        if (!set) continue;
        const on = condition ? schema.getType(condition) : parent;
        if (!on || !isCompositeType(on)) continue;
        if (runtime && !appliesTo(on, runtime)) continue;
        visitObject(value, runtime && appliesTo(on, runtime) ? runtime : on, set, path);
      }
    }
  };

  /** The coordinates a field selected on `parent` may be; with the rule to apply, if any. */
  const ruleFor = (parent: GraphQLCompositeType, staticParent: GraphQLCompositeType, fieldName: string): { coordinate: string; rule: MaskRule } | undefined => {
    const own = masked.get(`${parent.name}.${fieldName}`);
    if (own) return { coordinate: `${parent.name}.${fieldName}`, rule: own };
    const declared = masked.get(`${staticParent.name}.${fieldName}`);
    if (declared) return { coordinate: `${staticParent.name}.${fieldName}`, rule: declared };
    if (isAbstractType(parent)) {
      for (const possible of schema.getPossibleTypes(parent)) {
        const rule = masked.get(`${possible.name}.${fieldName}`);
        if (rule) return { coordinate: `${possible.name}.${fieldName}`, rule };
      }
    }
    return undefined;
  };

  const visitField = (
    holder: Record<string, unknown>,
    key: string,
    fieldName: string,
    parent: GraphQLCompositeType,
    staticParent: GraphQLCompositeType,
    selectionSet: SelectionSetNode | undefined,
    path: (string | number)[],
  ): void => {
    const current = holder[key];
    if (current === null || current === undefined) return;
    if (!selectionSet) {
      const mask = ruleFor(parent, staticParent, fieldName);
      if (!mask) return;
      let keys = maskedLeaves.get(holder);
      if (keys?.has(key)) return; // selected twice (a field and a fragment): masked once
      if (!keys) maskedLeaves.set(holder, (keys = new Set()));
      keys.add(key);
      holder[key] = maskLeaf(current, mask.rule);
      record(mask.coordinate, mask.rule, path);
      return;
    }
    const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : undefined;
    const returned = fields?.[fieldName] ? getNamedType(fields[fieldName].type) : undefined;
    if (!returned || !isCompositeType(returned)) return;
    visitValue(current, returned, selectionSet, path);
  };

  const visitValue = (value: unknown, type: GraphQLCompositeType, selectionSet: SelectionSetNode, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visitValue(item, type, selectionSet, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      visitObject(value as Record<string, unknown>, type, selectionSet, path);
    }
  };

  visitObject(input.data, root, operation.selectionSet, []);
  return [...found].map(([coordinate, { rule, paths }]) => ({ coordinate, rule, paths }));

  function runtimeTypeOf(value: Record<string, unknown>, parent: GraphQLCompositeType): GraphQLCompositeType | undefined {
    if (isObjectType(parent)) return parent;
    const typename = value['__typename'];
    const type = typeof typename === 'string' ? schema.getType(typename) : undefined;
    return type && isObjectType(type) ? type : undefined;
  }

  function appliesTo(on: GraphQLCompositeType, runtime: GraphQLCompositeType): boolean {
    if (on.name === runtime.name) return true;
    return isAbstractType(on) && isObjectType(runtime) && schema.isSubType(on, runtime);
  }
}

/** Masks a leaf value (a string, or a list of them); any other non-null value becomes null (fail closed). */
function maskLeaf(value: unknown, rule: MaskRule): unknown {
  if (typeof value === 'string') return maskValue(rule, value);
  if (Array.isArray(value)) return value.map((item) => (item === null ? null : maskLeaf(item, rule)));
  return null;
}
