/**
 * The provider of an open registry client, for the few writes issued as raw
 * SQL (whose placeholders and syntax differ between SQLite and PostgreSQL).
 * The stores take only the client, so the provider is read from it: every
 * generated Prisma client records the provider of its schema.
 * @internal
 */
import type { RegistryClient } from './registry-client';
import type { RegistryProvider } from './registry-provider';

/**
 * The provider `prisma` was generated for.
 * @throws Error for a client of another provider (the registry has only SQLite and PostgreSQL migrations)
 * @internal
 */
export function registryProviderOf(prisma: RegistryClient): RegistryProvider {
  const provider = (prisma as unknown as { readonly _activeProvider?: unknown })._activeProvider;
  if (provider === 'sqlite' || provider === 'postgresql') return provider;
  throw new Error(`registry client of an unsupported provider: ${String(provider)}`);
}
