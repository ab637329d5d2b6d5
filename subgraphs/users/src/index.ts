export { createUsersSubgraph, USERS_SUBGRAPH_NAME, type CreateUsersSubgraphOptions } from './app';
export { parseUsersSubgraphConfig, type UsersSubgraphConfig } from './config';
