/**
 * An entity another subgraph owns, extended here (`--extends Person:idNumber`):
 * a stub class with only the key field, and a field resolver that adds the
 * package's entity to it. No reference resolver and no `entities` entry: the
 * gateway's representation (`{ __typename, idNumber }`) is the parent object
 * of the new field, so every reference resolves.
 */
import { entityBase, extendedBase, type ExtendedEntity, type ScaffoldContext } from '../scaffold-context';

/** Renders `src/<type>/<type>.type.ts`: the stub of the extended entity. */
export function extendedTypeFile(context: ScaffoldContext, extended: ExtendedEntity): string {
  const { typename, keyField, scalar } = extended;
  return `import 'reflect-metadata';
/**
 * \`${typename}\`, extended: another subgraph owns it; the ${context.names.kebab} subgraph adds fields
 * and is reached by \`${keyField}\`. Only the key field is declared here${scalar ? `, with the SDK's
 * \`${scalar}\` so the composed type agrees with the owner's` : ''}.
 *
 * It must be in \`orphanedTypes\` of \`createSubgraph\` (\`src/app.ts\`): no query returns it, so
 * type-graphql would leave it out of the schema (\`Unknown type "${typename}"\` in \`_entities\`).
 * It has no \`entities\` entry and no reference resolver: the representation is the parent object.
 */
${scalar ? `import { ${scalar} } from '@govgraph/sdk';\n` : ''}import { Directive, Field, ObjectType } from 'type-graphql';

/** A ${typename} of another subgraph, as far as this subgraph knows: its key. */
@ObjectType({ description: 'A ${typename} (owned by another subgraph; extended here).' })
@Directive('@key(fields: "${keyField}")')
export class ${typename} {
  @Field(() => ${scalar ?? 'String'}, { description: 'The key this subgraph is reached by.' })
  ${keyField}!: string;
}
`;
}

/** Renders `src/<type>/<type>.resolver.ts`: the field resolver skeleton on the extended entity. */
export function extendedResolverFile(context: ScaffoldContext, extended: ExtendedEntity): string {
  const { typename, keyField, kebab } = extended;
  const { entity, pascal } = context.names;
  const parent = uncapitalise(typename);
  return `import 'reflect-metadata';
/**
 * \`${typename}.${entity.camel}\`: what the ${context.names.kebab} subgraph adds to a ${typename}.
 *
 * EDIT FIRST: how a ${typename}'s \`${keyField}\` finds its ${entity.pascal} in the legacy system. The
 * skeleton looks it up by id through the request's batched loader, so N ${typename}s in one
 * request cost ⌈N / batch limit⌉ legacy calls; keep it batched (never one call per parent).
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ${pascal}Context } from '../context';
import type { ${entity.pascal}Record } from '../${entityBase(context)}-records';
import { ${entity.pascal} } from '../${entityBase(context)}.type';
import { ${typename} } from './${kebab}.type';

/** Fields the ${context.names.kebab} subgraph adds to \`${typename}\`. */
@Resolver(() => ${typename})
export class ${typename}Resolver {
  @FieldResolver(() => ${entity.pascal}, { nullable: true, description: 'The ${entity.pascal} of this ${typename}; null when there is none or the legacy system fails.' })
  ${entity.camel}(@Root() ${parent}: ${typename}, @Ctx() ctx: ${pascal}Context): Promise<${entity.pascal}Record | null> {
    return ctx.loaders.${entity.camel}ById.load(${parent}.${keyField});
  }
}
`;
}

/** The files of every extended entity, by path relative to the package. */
export function extendedEntityFiles(context: ScaffoldContext): Array<[string, string]> {
  return context.extends.flatMap((extended): Array<[string, string]> => [
    [`src/${extendedBase(extended)}.type.ts`, extendedTypeFile(context, extended)],
    [`src/${extendedBase(extended)}.resolver.ts`, extendedResolverFile(context, extended)],
  ]);
}

function uncapitalise(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
