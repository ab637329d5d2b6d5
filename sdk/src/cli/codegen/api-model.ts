/**
 * The protocol-neutral model the code generators share: what a WSDL or an
 * OpenAPI document says about the chosen operations, their parameters and
 * the types they exchange. Readers build it; emitters turn it into a typed
 * client module, type-graphql classes and a resolver.
 */

/** The simple types the generators map (XSD built-ins, JSON schema primitives). */
export type ScalarKind = 'string' | 'int' | 'long' | 'float' | 'decimal' | 'boolean' | 'date' | 'dateTime';

/** A reference to the type of a field, parameter or response. */
export type TypeRef =
  | { readonly kind: 'scalar'; readonly scalar: ScalarKind }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'object'; readonly name: string }
  /** A construct the generator does not understand; `todo` says what it was. */
  | { readonly kind: 'unknown'; readonly todo: string };

/** A field of an object type, or a parameter. */
export interface FieldModel {
  /** A safe identifier (TypeScript property, GraphQL field, argument). */
  readonly name: string;
  /** The name on the wire (element, JSON property, parameter). */
  readonly wireName: string;
  readonly type: TypeRef;
  /** Repeated (`maxOccurs > 1`, a JSON array). */
  readonly list: boolean;
  /** May be absent or null. */
  readonly optional: boolean;
  readonly description?: string | undefined;
}

/** An object type (a named or inline complex type, a JSON object schema). */
export interface ObjectModel {
  readonly name: string;
  readonly fields: readonly FieldModel[];
  readonly description?: string | undefined;
}

/** How an operation is called through its connector. */
export type OperationProtocol =
  | { readonly kind: 'soap'; readonly arrays: readonly string[] }
  | {
      readonly kind: 'rest';
      readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      /** The OpenAPI path template, e.g. `/legal-persons/{creditCode}`. */
      readonly path: string;
      /** Wire names of the path parameters. */
      readonly pathParams: readonly string[];
      /** Wire names of the query parameters. */
      readonly queryParams: readonly string[];
      /** The parameter that holds the JSON request body, if any. */
      readonly bodyParam?: string | undefined;
    };

/** One chosen operation. */
export interface OperationModel {
  /** The name on the wire: SOAP operation or OpenAPI `operationId`. */
  readonly wireName: string;
  /** camelCase: the client method and the GraphQL query. */
  readonly functionName: string;
  /** PascalCase: the base of the request and response interface names. */
  readonly typeName: string;
  /** A read operation becomes a query; others get a client function only. */
  readonly read: boolean;
  readonly description?: string | undefined;
  /** The request's parameters, in wire order. */
  readonly params: readonly FieldModel[];
  /** What a successful call returns; `undefined` for nothing. */
  readonly response?: { readonly type: TypeRef; readonly list: boolean } | undefined;
  readonly protocol: OperationProtocol;
}

/** Everything read from a document for the chosen operations. */
export interface ApiModel {
  /** Object types reachable from the chosen operations, each once. */
  readonly objects: readonly ObjectModel[];
  readonly operations: readonly OperationModel[];
  /** Constructs that became `unknown`/`String` with a `TODO(govgraph)`, and other notes, for the user. */
  readonly warnings: readonly string[];
}

/** Chooses operations by wire name; every unknown name is an error listing what exists. */
export function selectOperations<T extends { readonly name: string }>(available: readonly T[], wanted: readonly string[] | undefined, what: string): T[] {
  if (wanted === undefined || wanted.length === 0) return [...available];
  const byName = new Map(available.map((each) => [each.name, each]));
  const unknown = wanted.filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    throw new Error(`${what} has no operation ${unknown.map((name) => `"${name}"`).join(', ')}; it has: ${available.map((each) => each.name).join(', ') || 'none'}`);
  }
  return [...new Set(wanted)].map((name) => byName.get(name)!);
}
