/**
 * `--wsdl` / `--openapi`: reads the document, picks the chosen operations and
 * emits the client module, the GraphQL types and the resolver of a
 * scaffolded package, plus the warnings to print.
 */
import type { ApiModel } from './api-model';
import { emitClient } from './emit-client';
import { emitGraphql } from './emit-graphql';
import { readOpenApi } from './openapi-read';
import { readWsdl } from './wsdl-read';

/** The code generated for a package, by file role. */
export interface GeneratedOperations {
  readonly origin: 'wsdl' | 'openapi';
  /** The document as given on the command line (file or URL). */
  readonly document: string;
  /** The chosen operations' wire names. */
  readonly operations: readonly string[];
  /** `src/<name>-client.ts`. */
  readonly clientFile: string;
  /** `src/<name>-operation.types.ts`, when any query answers an object type. */
  readonly typesFile?: string | undefined;
  /** `src/<name>-operations.resolver.ts`, when any operation became a query. */
  readonly resolverFile?: string | undefined;
  readonly resolverClass?: string | undefined;
  /** The GraphQL queries generated. */
  readonly queries: readonly string[];
  /** Constructs generated as `unknown`/`String` with a `TODO(govgraph)`, and operations left out of the schema. */
  readonly warnings: readonly string[];
}

/** Input of {@link generateOperations}. */
export interface GenerateOperationsOptions {
  readonly origin: 'wsdl' | 'openapi';
  /** The document as given (for comments and the README). */
  readonly document: string;
  /** Its text. */
  readonly text: string;
  /** Operation names (SOAP) or `operationId`s (OpenAPI); all when empty. */
  readonly operations?: readonly string[] | undefined;
  /** `Permits`, `permits`: names of the generated modules. */
  readonly pascal: string;
  readonly kebab: string;
  /** Type names the generated types must not take (the scaffolded entity). */
  readonly reservedNames: readonly string[];
}

/**
 * Reads and emits.
 * @throws Error when the document cannot be read or names no such operation.
 */
export function generateOperations(options: GenerateOperationsOptions): GeneratedOperations {
  const readOptions = { operations: options.operations, reservedNames: [...options.reservedNames, 'Query', 'Mutation', 'Subscription'], prefix: options.pascal };
  const model: ApiModel = options.origin === 'wsdl' ? readWsdl(options.text, readOptions) : readOpenApi(options.text, readOptions);
  if (model.operations.length === 0) throw new Error(`the ${options.origin === 'wsdl' ? 'WSDL' : 'OpenAPI document'} ${options.document} has no operations`);
  const origin = `\`${options.document.replace(/`/g, '')}\``;
  const clientFile = emitClient(model, { pascal: options.pascal, origin, kind: options.origin === 'wsdl' ? 'soap' : 'rest' });
  const graphql = emitGraphql(model, { pascal: options.pascal, kebab: options.kebab, origin });
  return {
    origin: options.origin,
    document: options.document,
    operations: model.operations.map((operation) => operation.wireName),
    clientFile,
    typesFile: graphql.typesFile,
    resolverFile: graphql.resolverFile,
    resolverClass: graphql.resolverClass,
    queries: graphql.queries,
    warnings: [...model.warnings, ...graphql.warnings],
  };
}
