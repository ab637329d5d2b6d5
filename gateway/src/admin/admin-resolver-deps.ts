/** What the admin API's resolvers work with, passed in by `createAdminServer`. */
import type { RegistryAdmin } from '../registry/registry-admin';
import type { RegistryClient } from '../registry/registry-client';
import type { UsageCounterStore } from '../stores/usage-counter-store';
import type { AdminActions } from './admin-actions';

/** The resolvers' dependencies. */
export interface AdminResolverDeps {
  /** Reads (lists, lookups) go straight to the registry. */
  readonly prisma: RegistryClient;
  /** Writes go through the registry's validated operations. */
  readonly admin: RegistryAdmin;
  readonly usage: UsageCounterStore;
  readonly actions: AdminActions;
  readonly now: () => Date;
}
