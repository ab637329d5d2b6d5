import { createEnterpriseLoaders, type EnterpriseLoaders } from './enterprise/enterprise.loader';
import { createPersonLoaders, type PersonLoaders } from './person/person.loader';
import type { UsersSources } from './sources';

/** Every loader of one request of the users subgraph (`ctx.loaders`). */
export type UsersLoaders = PersonLoaders & EnterpriseLoaders;

/** The subgraph's `loaders` factory: called once per request, so no cache outlives its request. */
export function createUsersLoaders({ sources }: { readonly sources: UsersSources }): UsersLoaders {
  return { ...createPersonLoaders(sources), ...createEnterpriseLoaders(sources) };
}
