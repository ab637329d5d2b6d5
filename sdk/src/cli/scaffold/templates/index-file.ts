/** `src/index.ts` and `src/context.ts` of a scaffolded subgraph. */
import { entityBase, extendedBase, type ScaffoldContext } from '../scaffold-context';

/** Renders `src/index.ts`: named exports only. */
export function indexFile(context: ScaffoldContext): string {
  const { pascal, constant, entity, kebab } = context.names;
  const generated = context.generated;
  return `export { create${pascal}Subgraph, type Create${pascal}SubgraphOptions } from './app';
export { parse${pascal}SubgraphConfig, DEFAULT_${constant}_PORT, type ${pascal}SubgraphConfig } from './config';
export { create${pascal}Sources, type ${pascal}Sources } from './sources';
export { ${entity.pascal} } from './${entityBase(context)}.type';
export type { ${entity.pascal}Record } from './${entityBase(context)}-records';
${context.extends.map((each) => `export { ${each.typename} } from './${extendedBase(each)}.type';\n`).join('')}${generated ? `export { create${pascal}Client, type ${pascal}Client } from './${kebab}-client';\n` : ''}`;
}

/** Renders `src/context.ts`: the GraphQL context type of the subgraph. */
export function contextFile(context: ScaffoldContext): string {
  const { pascal, kebab } = context.names;
  return `/** The GraphQL context every resolver of the ${kebab} subgraph receives. */
import type { SubgraphContext } from '@govgraph/sdk';
import type { ${pascal}Loaders } from './${entityBase(context)}.loader';
import type { ${pascal}Sources } from './sources';

/** \`SubgraphContext\` with this subgraph's sources and loaders. */
export type ${pascal}Context = SubgraphContext<${pascal}Sources, ${pascal}Loaders>;
`;
}
