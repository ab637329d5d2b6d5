/**
 * type-graphql classes → a Federation 2 subgraph schema. type-graphql builds
 * the schema and keeps the `@key`/`@shareable` directives written with
 * `@Directive`; we print it with those directives, prepend the federation
 * `@link`, and hand SDL plus resolvers to `@apollo/subgraph`, adding a
 * batched `__resolveReference` for each entity type the subgraph resolves.
 * (The approach of type-graphql's `apollo-federation-2` example.)
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { ConfigError } from '../errors';
import { federationLinkSdl } from './federation-link';

/** Reads the per-request entity loader of a type from the GraphQL context. */
export type EntityLoaderLookup = (context: unknown, typename: string) => { load(ref: Record<string, unknown>): Promise<unknown> };

/** Options of {@link buildFederatedSchema}. */
export interface BuildFederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** Entity types whose references this subgraph resolves. */
  entityTypes: readonly string[];
  /** How `__resolveReference` finds the request's loader. */
  entityLoader: EntityLoaderLookup;
}

/** The built subgraph schema and the SDL it was built from (what `_service { sdl }` returns). */
export interface FederatedSchema {
  readonly schema: GraphQLSchema;
  readonly sdl: string;
}

/** Builds the subgraph schema; throws `ConfigError` naming the problem when the classes do not make one. */
export function buildFederatedSchema(options: BuildFederatedSchemaOptions): FederatedSchema {
  let typeSchema: GraphQLSchema;
  try {
    typeSchema = buildSchemaSync({
      resolvers: options.resolvers,
      ...(options.orphanedTypes ? { orphanedTypes: options.orphanedTypes } : {}),
      skipCheck: true,
      validate: false,
    });
  } catch (cause) {
    throw new ConfigError(`type-graphql could not build the schema: ${(cause as Error).message}`, { cause });
  }
  const sdl = federationLinkSdl() + printSchemaWithDirectives(typeSchema);
  const resolvers = createResolversMap(typeSchema) as GraphQLResolverMap<unknown>;
  for (const typename of options.entityTypes) {
    if (!typeSchema.getType(typename)) {
      throw new ConfigError(`entities.${typename}: no type named ${typename} in the subgraph schema`);
    }
    const existing = (resolvers[typename] ?? {}) as Record<string, unknown>;
    resolvers[typename] = {
      ...existing,
      __resolveReference: (ref: Record<string, unknown>, context: unknown) => options.entityLoader(context, typename).load(ref),
    } as GraphQLResolverMap<unknown>[string];
  }
  try {
    return { schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }), sdl };
  } catch (cause) {
    throw new ConfigError(`the subgraph schema is not a valid Federation 2 schema: ${(cause as Error).message}`, { cause });
  }
}
