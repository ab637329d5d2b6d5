/**
 * The databases the registry runs on. SQLite is the default (embedded, no
 * server for `npm start`); PostgreSQL is for production and for replicas that
 * share one registry. Each has its own generated client, schema and migrations
 * (`gateway/prisma/<provider>/`, `gateway/prisma/migrations/<provider>/`).
 */
import { resolve } from 'node:path';

/** A database provider of the registry, spelled as in a Prisma `datasource` block. */
export type RegistryProvider = 'sqlite' | 'postgresql';

/** Every provider, in a stable order. */
export const REGISTRY_PROVIDERS: readonly RegistryProvider[] = Object.freeze(['sqlite', 'postgresql']);

/**
 * `gateway/prisma/`: the models, the provider schemas and the migrations. The
 * same relative path holds from `src/registry/` (tests) and `dist/registry/`
 * (built code), so both find the committed migrations. @internal
 */
export const REGISTRY_PRISMA_DIR = resolve(__dirname, '..', '..', 'prisma');

/** The committed migrations of `provider` (Prisma's folder layout). @internal */
export function migrationsDirOf(provider: RegistryProvider): string {
  return resolve(REGISTRY_PRISMA_DIR, 'migrations', provider);
}

/** The generated Prisma schema of `provider`. @internal */
export function schemaFileOf(provider: RegistryProvider): string {
  return resolve(REGISTRY_PRISMA_DIR, provider, 'schema.prisma');
}
