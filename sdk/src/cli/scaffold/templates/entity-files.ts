/** The scaffolded entity: its `@key` type, its resolver and its per-request loaders. */
import { entityBase, type ScaffoldContext } from '../scaffold-context';

/** Renders `src/<entity>/<entity>.type.ts`. */
export function entityTypeFile(context: ScaffoldContext): string {
  const { entity, kebab } = context.names;
  return `import 'reflect-metadata';
/**
 * \`${entity.pascal}\`: the entity the ${kebab} subgraph owns, keyed by \`id\`, so
 * other subgraphs can reference it and the gateway resolves it here (\`_entities\`).
 *
 * EDIT FIRST: the fields your legacy system has (and \`${entity.pascal}Record\` beside it).
 */
import { Directive, Field, ObjectType } from 'type-graphql';

/** A ${entity.pascal} of the legacy system. */
@ObjectType({ description: 'A ${entity.pascal} of the legacy system.' })
@Directive('@key(fields: "id")')
export class ${entity.pascal} {
  @Field({ description: 'The legacy system\\'s identifier.' })
  id!: string;

  @Field()
  name!: string;
}
`;
}

/** Renders `src/<entity>/<entity>.resolver.ts`. */
export function entityResolverFile(context: ScaffoldContext): string {
  const { entity, pascal } = context.names;
  return `import 'reflect-metadata';
/**
 * Reading ${entity.pluralPascal}: \`Query.${entity.camel}\` and \`Query.${entity.pluralCamel}\`, both through the
 * request's \`${entity.camel}ById\` loader, so sibling fields and list items share one legacy call per batch.
 */
import { BadRequestError } from '@govgraph/sdk';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ${pascal}Context } from '../context';
import type { ${entity.pascal}Record } from './${context.names.entity.kebab}-records';
import { ${entity.pascal} } from './${context.names.entity.kebab}.type';

/** The most ids one \`${entity.pluralCamel}\` query may ask for. */
const MAX_IDS = 100;

/** Queries of \`${entity.pascal}\`. */
@Resolver(() => ${entity.pascal})
export class ${entity.pascal}Resolver {
  @Query(() => ${entity.pascal}, { nullable: true, description: 'A ${entity.pascal} by id; null when there is none.' })
  ${entity.camel}(@Arg('id') id: string, @Ctx() ctx: ${pascal}Context): Promise<${entity.pascal}Record | null> {
    return ctx.loaders.${entity.camel}ById.load(parseId('id', id));
  }

  @Query(() => [${entity.pascal}], { nullable: 'items', description: '${entity.pluralPascal} by id, in the order asked; null for an id with none.' })
  async ${entity.pluralCamel}(@Arg('ids', () => [String]) ids: string[], @Ctx() ctx: ${pascal}Context): Promise<Array<${entity.pascal}Record | null>> {
    if (ids.length > MAX_IDS) throw new BadRequestError(\`ids: at most \${MAX_IDS} per query, got \${ids.length}\`, { details: { argument: 'ids' } });
    const found = await ctx.loaders.${entity.camel}ById.loadMany(ids.map((id, index) => parseId(\`ids[\${index}]\`, id)));
    return found.map((value) => {
      if (value instanceof Error) throw value;
      return value;
    });
  }
}

function parseId(argument: string, id: string): string {
  const trimmed = id.trim();
  if (trimmed.length === 0 || trimmed.length > 64) {
    throw new BadRequestError(\`\${argument}: must be 1 to 64 characters\`, { details: { argument } });
  }
  return trimmed;
}
`;
}

/** Renders `src/<entity>/<entity>.loader.ts`. */
export function entityLoaderFile(context: ScaffoldContext): string {
  const { entity, pascal, constant, kebab } = context.names;
  return `/**
 * The per-request loaders of the ${kebab} subgraph (created for each request by
 * \`createSubgraph\`, never shared): ids asked for in one request are gathered
 * into one legacy call per {@link ${constant}_BATCH_LIMIT} keys.
 */
import { createBatchLoader, type LoaderFactoryContext } from '@govgraph/sdk';
import type { ${pascal}Sources } from '../sources';
import { ${constant}_BATCH_LIMIT, fetch${entity.pluralPascal}ByIds, type ${entity.pascal}Record } from './${context.names.entity.kebab}-records';

/** This request's loaders. */
export interface ${pascal}Loaders {
  /** A ${entity.pascal} by id, \`null\` when there is none. */
  readonly ${entity.camel}ById: ReturnType<typeof createBatchLoader<string, ${entity.pascal}Record>>;
}

/** The \`loaders\` factory of the ${kebab} subgraph. */
export function create${pascal}Loaders({ sources }: LoaderFactoryContext<${pascal}Sources>): ${pascal}Loaders {
  return {
    ${entity.camel}ById: createBatchLoader({
      name: '${entity.camel}ById',
      batch: (ids) => fetch${entity.pluralPascal}ByIds(sources.legacy, ids),
      keyOf: (found: ${entity.pascal}Record) => found.id,
      maxBatchSize: ${constant}_BATCH_LIMIT,
    }),
  };
}
`;
}

/** The path of the entity files, for the file map. */
export function entityPaths(context: ScaffoldContext): { type: string; resolver: string; loader: string; records: string } {
  const base = `src/${entityBase(context)}`;
  return { type: `${base}.type.ts`, resolver: `${base}.resolver.ts`, loader: `${base}.loader.ts`, records: `${base}-records.ts` };
}
