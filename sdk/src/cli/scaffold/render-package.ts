/**
 * Every file of a scaffolded package, by path relative to the package
 * directory: the templates rendered for one context. Pure: nothing is written.
 */
import type { ScaffoldContext } from './scaffold-context';
import { appFile } from './templates/app-file';
import { configFile } from './templates/config-file';
import { conformanceTestFile } from './templates/conformance-test-file';
import { entityLoaderFile, entityPaths, entityResolverFile, entityTypeFile } from './templates/entity-files';
import { extendedEntityFiles } from './templates/extended-entity-files';
import { contextFile, indexFile } from './templates/index-file';
import { mainFile } from './templates/main-file';
import { packageJsonFile, tsconfigFile, type DependencyVersions } from './templates/package-files';
import { readmeFile } from './templates/readme-file';
import { sampleRecordsFile, subgraphTestFile } from './templates/test-files';

/** Renders the package; keys are `/`-separated paths relative to the package directory. */
export function renderPackage(context: ScaffoldContext, versions: DependencyVersions): ReadonlyMap<string, string> {
  const { kebab } = context.names;
  const paths = entityPaths(context);
  const files = new Map<string, string>([
    ['package.json', packageJsonFile(context, versions)],
    ['tsconfig.json', tsconfigFile(context)],
    ['README.md', readmeFile(context)],
    ['src/index.ts', indexFile(context)],
    ['src/config.ts', configFile(context)],
    ['src/app.ts', appFile(context)],
    ['src/main.ts', mainFile(context)],
    ['src/context.ts', contextFile(context)],
    ['src/sources.ts', context.kind.sourcesFile(context)],
    [paths.type, entityTypeFile(context)],
    [paths.resolver, entityResolverFile(context)],
    [paths.loader, entityLoaderFile(context)],
    [paths.records, context.kind.recordsFile(context)],
    ...extendedEntityFiles(context),
    [`src/__tests__/${kebab}.test.ts`, subgraphTestFile(context)],
    ['src/__tests__/conformance.test.ts', conformanceTestFile(context)],
    ['src/__tests__/helpers/fake-legacy-system.ts', context.kind.fakeSystemFile(context)],
    ['src/__tests__/helpers/sample-records.ts', sampleRecordsFile(context)],
    ...Object.entries(context.kind.extraFiles(context)),
  ]);
  const generated = context.generated;
  if (generated) {
    files.set(`src/${kebab}-client.ts`, generated.clientFile);
    if (generated.typesFile) files.set(`src/${kebab}-operation.types.ts`, generated.typesFile);
    if (generated.resolverFile) files.set(`src/${kebab}-operations.resolver.ts`, generated.resolverFile);
  }
  return files;
}
