/** `package.json` and `tsconfig.json` of a scaffolded subgraph, shaped like the repository's own subgraphs. */
import type { ScaffoldContext } from '../scaffold-context';

/** Versions the generated package depends on: the workspace's own. */
export interface DependencyVersions {
  readonly sdk: string;
  readonly graphql: string;
  readonly typeGraphql: string;
  readonly reflectMetadata: string;
  readonly zod: string;
  readonly iconvLite: string;
}

/** Renders `package.json` (no scripts: the workspace builds and tests every package). */
export function packageJsonFile(context: ScaffoldContext, versions: DependencyVersions): string {
  const dependencies: Record<string, string> = {
    '@govgraph/sdk': versions.sdk,
    [context.kind.connectorPackage]: versions.sdk,
    graphql: versions.graphql,
    'type-graphql': versions.typeGraphql,
    'reflect-metadata': versions.reflectMetadata,
    zod: versions.zod,
  };
  const devDependencies: Record<string, string> = context.kind.kind === 'file' ? { 'iconv-lite': versions.iconvLite } : {};
  const json = {
    name: `@govgraph/subgraph-${context.names.kebab}`,
    version: '0.1.0',
    private: true,
    description: `The ${context.names.kebab} subgraph`,
    license: 'Apache-2.0',
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    files: ['dist'],
    dependencies,
    ...(Object.keys(devDependencies).length > 0 ? { devDependencies } : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * Renders `tsconfig.json`: extends the repository's `tsconfig.base.json` and
 * references the SDK and the connector, by paths relative to the package.
 */
export function tsconfigFile(context: ScaffoldContext): string {
  const json = {
    extends: `${context.toRoot}/tsconfig.base.json`,
    compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/.tsbuildinfo' },
    include: ['src'],
    references: [{ path: `${context.toRoot}/sdk` }, { path: `${context.toRoot}/${context.kind.connectorDir}` }],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
