import type { SubgraphContext } from '@govgraph/sdk';
import type { UsersLoaders } from './loaders';
import type { UsersSources } from './sources';

/** The GraphQL context of the users subgraph's resolvers (`@Ctx() ctx: UsersContext`). */
export type UsersContext = SubgraphContext<UsersSources, UsersLoaders>;
