/** `src/app.ts` of a scaffolded subgraph: `create<Name>Subgraph`, built but never listening. */
import { entityBase, extendedBase, legacyDescriptionOf, type ScaffoldContext } from '../scaffold-context';

/** Renders `src/app.ts`. */
export function appFile(context: ScaffoldContext): string {
  const { pascal, kebab, constant, entity } = context.names;
  const generated = context.generated?.resolverClass;
  const extended = context.extends;
  const resolvers = [`${entity.pascal}Resolver`, ...extended.map((each) => `${each.typename}Resolver`), ...(generated ? [generated] : [])];
  const extendedImports = extended
    .map((each) => `import { ${each.typename}Resolver } from './${extendedBase(each)}.resolver';\nimport { ${each.typename} } from './${extendedBase(each)}.type';\n`)
    .join('');
  const orphaned = extended.length > 0
    ? `    // Extended entities: no query returns them, so they must be listed here (or \`Unknown type\`); they have no
    // \`entities\` entry, because the gateway's representation is the parent object of the fields added to them.
    orphanedTypes: [${extended.map((each) => each.typename).join(', ')}],\n`
    : '';
  const extendsDoc = extended.length > 0 ? ` Extends ${extended.map((each) => `\`${each.typename}\` (by \`${each.keyField}\`) with \`${entity.camel}\``).join(', ')}.` : '';
  return `/**
 * \`create${pascal}Subgraph\`: the ${kebab} subgraph over ${legacyDescriptionOf(context)},
 * built but not listening (\`main.ts\` listens; tests call \`fetch\`).
 */
import { ConfigError, createSubgraph, type Logger, type Subgraph } from '@govgraph/sdk';
import type { ${pascal}SubgraphConfig } from './config';
import type { ${pascal}Context } from './context';
import { create${pascal}Sources } from './sources';
import { ${constant}_BATCH_LIMIT, fetch${entity.pluralPascal}ByIds } from './${entityBase(context)}-records';
import { create${pascal}Loaders } from './${entityBase(context)}.loader';
import { ${entity.pascal}Resolver } from './${entityBase(context)}.resolver';
${extendedImports}${generated ? `import { ${generated} } from './${kebab}-operations.resolver';\n` : ''}
/** Options of {@link create${pascal}Subgraph}. */
export interface Create${pascal}SubgraphOptions {
  /** @default the SDK's pino logger */
  readonly logger?: Logger;
}

/**
 * Builds the ${kebab} subgraph: owns \`${entity.pascal}\` (\`@key(fields: "id")\`).${extendsDoc}
 * References from other subgraphs (\`_entities\`) and \`Query.${entity.camel}\`/\`Query.${entity.pluralCamel}\`
 * are batched: N keys cost ⌈N / ${constant}_BATCH_LIMIT⌉ calls to the legacy system.
 *
 * @throws ConfigError when the source configuration is invalid or \`config.security\` is missing.
 */
export function create${pascal}Subgraph(config: ${pascal}SubgraphConfig, options: Create${pascal}SubgraphOptions = {}): Subgraph {
  if (!config.security) throw new ConfigError('${kebab} subgraph: config.security is required (verify mode with the gateway key, or { mode: "development" })');
  return createSubgraph({
    name: '${kebab}',
    resolvers: [${resolvers.join(', ')}],
    sources: create${pascal}Sources(config),
    security: config.security,
    loaders: create${pascal}Loaders,
${orphaned}    entities: {
      ${entity.pascal}: {
        maxBatchSize: ${constant}_BATCH_LIMIT,
        byKey: { id: { load: (ids, ctx: ${pascal}Context) => fetch${entity.pluralPascal}ByIds(ctx.sources.legacy, ids) } },
      },
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
`;
}
