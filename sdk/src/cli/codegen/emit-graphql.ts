/**
 * {@link ApiModel} → type-graphql: `@ObjectType` classes of the types the
 * chosen read operations answer (`src/<name>-operation.types.ts`) and a
 * resolver exposing each read operation as a query
 * (`src/<name>-operations.resolver.ts`). Write operations get a client
 * function only; a mutation is a decision for the department.
 */
import type { ApiModel, FieldModel, ObjectModel, OperationModel, TypeRef } from './api-model';
import { docText, literal, reachableObjects, tsFieldType } from './emit-helpers';

/** Names the emitted files import and export. */
export interface EmitGraphqlOptions {
  /** `Permits`: `PermitsOperationsResolver`, `PermitsContext`, `createPermitsClient`. */
  readonly pascal: string;
  /** `permits`: the module names `./permits-client`, `./permits-operation.types`. */
  readonly kebab: string;
  readonly origin: string;
}

/** What {@link emitGraphql} produced. */
export interface EmittedGraphql {
  /** `undefined` when no query answers an object type. */
  readonly typesFile?: string | undefined;
  /** `undefined` when no chosen operation could become a query. */
  readonly resolverFile?: string | undefined;
  readonly resolverClass?: string | undefined;
  /** The queries generated. */
  readonly queries: readonly string[];
  /** Why an operation did not become a query. */
  readonly warnings: readonly string[];
}

function graphqlTypeOf(type: TypeRef, usable: ReadonlySet<string>): string | undefined {
  switch (type.kind) {
    case 'scalar':
      return type.scalar === 'int' ? 'Int' : type.scalar === 'float' ? 'Float' : type.scalar === 'boolean' ? 'Boolean' : 'String';
    case 'enum':
    case 'unknown':
      return 'String';
    case 'object':
      return usable.has(type.name) ? type.name : undefined;
  }
}

function describe(field: FieldModel): string | undefined {
  const parts = [field.description, field.type.kind === 'enum' ? `One of: ${field.type.values.join(', ')}.` : undefined, field.type.kind === 'scalar' && (field.type.scalar === 'long' || field.type.scalar === 'decimal') ? `A ${field.type.scalar} kept as text so no digit is lost.` : undefined];
  const text = parts.filter((part): part is string => part !== undefined).join(' ');
  return text ? docText(text) : undefined;
}

function fieldDeclaration(field: FieldModel, usable: ReadonlySet<string>): string {
  const graphqlType = graphqlTypeOf(field.type, usable);
  if (graphqlType === undefined) return `  // TODO(govgraph): ${field.name} is of type ${field.type.kind === 'object' ? field.type.name : '?'}, which has no fields; not exposed.`;
  const options = [...(field.optional && !field.list ? ['nullable: true'] : []), ...(describe(field) ? [`description: ${literal(describe(field)!)}`] : [])];
  const typeFn = field.list ? `[${graphqlType}]` : graphqlType;
  const todo = field.type.kind === 'unknown' ? `  // TODO(govgraph): ${field.type.todo}; served as its JSON text.\n` : '';
  const tsType = field.type.kind === 'unknown' ? (field.list ? 'string[]' : field.optional ? 'string | null' : 'string') : tsFieldType(field).replace(/^readonly /, '');
  return `${todo}  @Field(() => ${typeFn}${options.length > 0 ? `, { ${options.join(', ')} }` : ''})\n  ${field.name}!: ${tsType};`;
}

function classOf(object: ObjectModel, usable: ReadonlySet<string>): string {
  const description = object.description ? `{ description: ${literal(docText(object.description))} }` : '';
  return `/** ${docText(object.description ?? `${object.name}, as the legacy system answers it.`)} */\n@ObjectType(${description})\nexport class ${object.name} {\n${object.fields.map((field) => fieldDeclaration(field, usable)).join('\n\n')}\n}`;
}

function scalarArgument(param: FieldModel): string | undefined {
  if (param.type.kind === 'object' || param.type.kind === 'unknown') return undefined;
  return graphqlTypeOf(param.type, new Set());
}

/** Renders the types file and the resolver. */
export function emitGraphql(model: ApiModel, options: EmitGraphqlOptions): EmittedGraphql {
  const warnings: string[] = [];
  const queryOperations = model.operations.filter((operation) => {
    if (!operation.read) return false;
    if (!operation.response) {
      warnings.push(`${operation.wireName}: answers nothing; no query generated`);
      return false;
    }
    const unusable = operation.params.filter((param) => scalarArgument(param) === undefined);
    if (unusable.length > 0) {
      warnings.push(`${operation.wireName}: parameter ${unusable.map((param) => param.wireName).join(', ')} is not a simple value; no query generated (write an @InputType and the query by hand)`);
      return false;
    }
    return true;
  });
  const objects = reachableObjects(
    model.objects,
    queryOperations.map((operation) => operation.response!.type),
  ).filter((object) => object.fields.length > 0);
  const usable = new Set(objects.map((object) => object.name));
  const typesFile = objects.length === 0 ? undefined : `import 'reflect-metadata';
/**
 * GraphQL types of the legacy system's answers, generated by
 * \`govgraph connector new\` from ${options.origin}. Edit freely: it is not regenerated.
 */
import { ${scalarImports(objects.map((object) => classOf(object, usable)).join(''), ['Field', 'ObjectType'])} } from 'type-graphql';

${objects.map((object) => classOf(object, usable)).join('\n\n')}
`;
  const queries: string[] = [];
  const methods = queryOperations.flatMap((operation) => {
    const response = operation.response!;
    const graphqlType = graphqlTypeOf(response.type, usable);
    if (graphqlType === undefined) {
      warnings.push(`${operation.wireName}: answers a type with no fields; no query generated`);
      return [];
    }
    queries.push(operation.functionName);
    const args = operation.params.map((param) => {
      const type = scalarArgument(param)!;
      const base = tsFieldType(param).replace(/^readonly /, '');
      const tsType = param.optional ? `${base}${param.list ? ' | null' : ''} | undefined` : base;
      return `@Arg(${literal(param.name)}, () => ${param.list ? `[${type}]` : type}${param.optional ? ', { nullable: true }' : ''}) ${param.name}: ${tsType}`;
    });
    const request = operation.params.length > 0 ? `{ ${operation.params.map((param) => (param.optional ? `${param.name}: ${param.name} ?? undefined` : param.name)).join(', ')} }` : '';
    const description = `${operation.wireName} of the legacy system${operation.description ? `: ${operation.description}` : ''}.`;
    const returnType = response.list ? `${typeRefTs(response.type)}[]` : typeRefTs(response.type);
    return [
      `  @Query(() => ${response.list ? `[${graphqlType}]` : graphqlType}, { nullable: true, description: ${literal(docText(description))} })
  ${operation.functionName}(${[...args, `@Ctx() ctx: ${options.pascal}Context`].join(', ')}): Promise<${returnType}> {
    return create${options.pascal}Client(ctx.sources.legacy).${operation.functionName}(${request});
  }`,
    ];
  });
  if (methods.length === 0) return { typesFile, queries, warnings };
  const resolverClass = `${options.pascal}OperationsResolver`;
  const usedClasses = [...new Set(queryOperations.map((operation) => operation.response!.type).flatMap((type) => (type.kind === 'object' && usable.has(type.name) ? [type.name] : [])))];
  const resolverFile = `import 'reflect-metadata';
/**
 * The legacy system's read operations as queries, generated by
 * \`govgraph connector new\` from ${options.origin}: each calls the typed
 * client once. Batch them behind a loader when they are asked for per list item.
 */
import { ${scalarImports(methods.join(''), ['Arg', 'Ctx', 'Query', 'Resolver'])} } from 'type-graphql';
import type { ${options.pascal}Context } from './context';
import { create${options.pascal}Client } from './${options.kebab}-client';
import type * as Api from './${options.kebab}-client';
${usedClasses.length > 0 ? `import { ${usedClasses.join(', ')} } from './${options.kebab}-operation.types';\n` : ''}
/** Queries of the legacy system's read operations. */
@Resolver()
export class ${resolverClass} {
${methods.join('\n\n')}
}
`;
  return { typesFile, resolverFile, resolverClass, queries, warnings };
}

/** The client's TypeScript type of a response (object types through the `Api` namespace). */
function typeRefTs(type: TypeRef): string {
  switch (type.kind) {
    case 'object':
      return `Api.${type.name}`;
    case 'scalar':
      return type.scalar === 'int' || type.scalar === 'float' ? 'number' : type.scalar === 'boolean' ? 'boolean' : 'string';
    case 'enum':
      return type.values.length > 0 ? `(${type.values.map(literal).join(' | ')})` : 'string';
    case 'unknown':
      return 'unknown';
  }
}

/** The type-graphql names to import: `base` plus `Int`/`Float` when `code` uses them. */
function scalarImports(code: string, base: readonly string[]): string {
  const scalars = ['Float', 'Int'].filter((scalar) => new RegExp(`=> \\[?${scalar}\\b`).test(code));
  return [...base, ...scalars].sort().join(', ');
}
