/**
 * Shapes the merged result tree into the client's response along the
 * compiled {@link ResponseShape}: only the fields the operation selected,
 * under their aliases, in its order; `__typename` from the data (or the
 * static type); fragments by type condition; `@skip` / `@include`; leaf
 * values checked against their type; `null` in a non-null position bubbling
 * up to the nearest nullable parent. The semantics are those of
 * @apollo/gateway's `computeResponse`, over pre-compiled selections.
 */
import { ERRORS } from '@apollo/federation-internals';
import {
  executeSync,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  isCompositeType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { ResponseShape, ShapeCondition, ShapeField, ShapeSelection } from './compile-response-shape';

/** What {@link shapeResponse} needs besides the shape and the data. */
export interface ShapeInput {
  /** The API schema. */
  readonly schema: GraphQLSchema;
  /** Coerced variables, with defaults. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The variables as sent, for introspection. */
  readonly rawVariables: Readonly<Record<string, unknown>> | undefined;
}

/** The shaped data and the value-completion errors (non-null violations, invalid values). */
export interface ShapedResponse {
  readonly data: Record<string, unknown> | null;
  readonly errors: GraphQLError[];
}

const OK = 0;
const BUBBLE = 1;

interface ShapeState extends ShapeInput {
  readonly errors: GraphQLError[];
  /** Set by `complete` for its caller: the value is null in a non-null position. */
  invalid: boolean;
  /** Set by `complete` for its caller: an error was recorded below. */
  errored: boolean;
}

/** Shapes `input` (the merged result tree) along `shape`. */
export function shapeResponse(shape: ResponseShape, input: Record<string, unknown>, options: ShapeInput): ShapedResponse {
  const state: ShapeState = { ...options, errors: [], invalid: false, errored: false };
  const data: Record<string, unknown> = {};
  const result = applySelections(state, input, shape.selections, data, [], shape.rootType);
  return { data: result === BUBBLE ? null : data, errors: state.errors };
}

function applySelections(
  state: ShapeState,
  input: Record<string, unknown>,
  selections: readonly ShapeSelection[],
  output: Record<string, unknown>,
  path: (string | number)[],
  parentType: GraphQLCompositeType,
): number {
  for (const selection of selections) {
    if (selection.conditions && isSkipped(selection.conditions, state.variables)) continue;
    if (selection.kind === 'fragment') {
      const typename = input['__typename'];
      if (typename !== undefined && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(state.schema, selection.typeCondition, typename, parentType)) {
        if (applySelections(state, input, selection.selections, output, path, selection.typeCondition ?? parentType) === BUBBLE) return BUBBLE;
      }
      continue;
    }
    const { responseName } = selection;
    const outputValue = selection.unsafeName ? ownValue(output, responseName) : output[responseName];
    if (selection.introspection) {
      if (outputValue === undefined) setValue(output, selection, introspect(state, selection));
      continue;
    }
    let inputValue = (selection.unsafeName ? ownValue(input, responseName) : input[responseName]) ?? null;
    if (selection.isTypename) {
      if (outputValue === undefined) {
        if (inputValue === null && responseName !== '__typename') inputValue = input['__typename'] ?? null;
        const type = typeof inputValue === 'string' ? (state.schema.getType(inputValue) ?? parentType) : parentType;
        if (!isObjectType(type)) return BUBBLE;
        setValue(output, selection, type.name);
      }
      continue;
    }
    path.push(responseName);
    const updated = complete(state, outputValue, selection.type, inputValue, selection.selections, path, parentType);
    setValue(output, selection, updated);
    path.pop();
    if (state.invalid) return BUBBLE;
  }
  return OK;
}

/** Completes one value; leaves `state.invalid` / `state.errored` for the caller to read at once. */
function complete(
  state: ShapeState,
  outputValue: unknown,
  type: GraphQLOutputType,
  inputValue: unknown,
  selections: readonly ShapeSelection[] | undefined,
  path: (string | number)[],
  parentType: GraphQLCompositeType,
): unknown {
  state.invalid = false;
  state.errored = false;
  if (outputValue === null || (outputValue !== undefined && !selections)) return outputValue;

  if (type instanceof GraphQLNonNull) {
    const inner = type.ofType as GraphQLOutputType;
    const updated = complete(state, outputValue, inner, inputValue, selections, path, parentType);
    if (updated === null) {
      if (!state.errored) {
        state.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describeLast(path, inner, parentType)}.`, { path: path.slice() }),
        );
      }
      state.invalid = true;
      state.errored = true;
      return null;
    }
    state.invalid = false;
    state.errored = false;
    return updated;
  }

  if (inputValue === null) return null;

  if (type instanceof GraphQLList) {
    if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value returned by subgraph for list type ${String(type)} at ${path.join('.')}`);
    const list: unknown[] = outputValue === undefined ? new Array<unknown>(inputValue.length) : (outputValue as unknown[]);
    if (list.length !== inputValue.length) throw new Error(`List lengths differ at ${path.join('.')}`);
    const itemType = type.ofType as GraphQLOutputType;
    let nullify = false;
    let errored = false;
    for (let index = 0; index < inputValue.length; index += 1) {
      path.push(index);
      list[index] = complete(state, list[index], itemType, inputValue[index], selections, path, parentType);
      path.pop();
      if (state.invalid) nullify = true;
      if (state.errored) errored = true;
    }
    state.invalid = false;
    state.errored = errored;
    return nullify ? null : list;
  }

  if (isCompositeType(type)) {
    if (!selections) throw new Error(`Invalid empty selection set for composite type ${type.name}`);
    if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value returned by subgraph for composite type ${type.name} at ${path.join('.')}`);
    const object = inputValue as Record<string, unknown>;
    const typename = object['__typename'];
    let objectType: GraphQLCompositeType = type;
    if (typename !== undefined && typename !== null && typename !== '') {
      const found = typeof typename === 'string' ? state.schema.getType(typename) : undefined;
      if (!found || !isCompositeType(found)) {
        state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describeLast(path, type, parentType)}.`, { path: path.slice() }));
        state.errored = true;
        return null;
      }
      objectType = found;
    }
    const into = outputValue === undefined ? {} : (outputValue as Record<string, unknown>);
    const result = applySelections(state, object, selections, into, path, objectType);
    state.invalid = false;
    state.errored = result === BUBBLE;
    return result === BUBBLE ? null : into;
  }

  if (isValidLeafValue(inputValue, type)) return inputValue;
  state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(path, type, parentType)}.`, { path: path.slice() }));
  state.errored = true;
  return null;
}

function isSkipped(conditions: readonly ShapeCondition[], variables: Readonly<Record<string, unknown>>): boolean {
  for (const condition of conditions) {
    const value = condition.variable === undefined ? condition.literal : variables[condition.variable];
    if (typeof value !== 'boolean') throw new Error(`Unexpected value ${String(value)} for variable $${String(condition.variable)} of @skip/@include`);
    if (value !== condition.keepWhen) return true;
  }
  return false;
}

function typeConditionApplies(
  schema: GraphQLSchema,
  typeCondition: GraphQLCompositeType | undefined,
  typename: string | undefined,
  parentType: GraphQLCompositeType,
): boolean {
  if (!typeCondition) return true;
  const type = typename ? schema.getType(typename) : parentType;
  if (!type || !isCompositeType(type)) return false;
  if (type === typeCondition) return true;
  if (isObjectType(typeCondition)) return false;
  // Unions have no subtypes; interfaces: implemented by the object or interface type.
  return !('getTypes' in type) && schema.isSubType(typeCondition, type);
}

const INTEGER = /^[+-]?\d+$/;

function isValidLeafValue(value: unknown, type: GraphQLOutputType): boolean {
  if (type instanceof GraphQLEnumType) return typeof value === 'string' && type.getValue(value) !== undefined;
  const builtIn = type === GraphQLBoolean || type === GraphQLInt || type === GraphQLFloat || type === GraphQLString || type === GraphQLID;
  if (!builtIn) return true;
  if (typeof value === 'boolean') return type === GraphQLBoolean;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (type === GraphQLInt || type === GraphQLID) return INTEGER.test(String(value));
    return type === GraphQLFloat;
  }
  if (typeof value === 'string') return type !== GraphQLBoolean && type !== GraphQLInt && type !== GraphQLFloat;
  return false;
}

function describeLast(path: readonly (string | number)[], currentType: GraphQLOutputType, parentType: GraphQLCompositeType): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `field ${parentType.name}.${last}` : `array element of type ${String(currentType)} at index ${String(last)}`;
}

function introspect(state: ShapeState, field: ShapeField): unknown {
  const result = executeSync({
    schema: state.schema,
    document: field.introspection!,
    rootValue: {},
    variableValues: state.rawVariables,
  });
  if (result.errors?.length || !result.data) throw new Error(`Introspection of ${field.responseName} failed: ${result.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  return result.data[field.responseName];
}

function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function setValue(output: Record<string, unknown>, field: ShapeField, value: unknown): void {
  if (field.unsafeName) Object.defineProperty(output, field.responseName, { value, enumerable: true, writable: true, configurable: true });
  else output[field.responseName] = value;
}
