/**
 * `createUsersSubgraph`: the users subgraph (Person, Enterprise) over the
 * population registry and the legal-person registry. Builds, never listens:
 * `main.ts` listens, tests call `start()` and `fetch`.
 */
import { ConfigError, createLogger, createSubgraph, type Logger, type Subgraph } from '@govgraph/sdk';
import type { UsersSubgraphConfig } from './config';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { USERS_ENTITIES } from './entities';
import { createUsersLoaders } from './loaders';
import { PersonResolver } from './person/person.resolver';
import { createUsersSources } from './sources';

/** Options of {@link createUsersSubgraph}. */
export interface CreateUsersSubgraphOptions {
  /** @default the SDK's pino logger to stdout, at `config.logLevel` */
  readonly logger?: Logger;
}

/** The subgraph's name, as the gateway knows it. */
export const USERS_SUBGRAPH_NAME = 'users';

/**
 * Builds the users subgraph from a config parsed by `parseUsersSubgraphConfig`.
 * @throws ConfigError when `config.security` is missing (a subgraph must say how it trusts callers)
 */
export function createUsersSubgraph(config: UsersSubgraphConfig, options: CreateUsersSubgraphOptions = {}): Subgraph {
  if (!config.security) throw new ConfigError(`users subgraph: config.security is required: { mode: 'verify', jwksUrl | publicKeyJwk | jwks } (the gateway's context token), or { mode: 'development' } on a developer's machine`);
  return createSubgraph({
    name: USERS_SUBGRAPH_NAME,
    resolvers: [PersonResolver, EnterpriseResolver],
    sources: createUsersSources(config),
    security: config.security,
    loaders: createUsersLoaders,
    entities: USERS_ENTITIES,
    logger: options.logger ?? createLogger({ level: config.logLevel }),
  });
}
