/**
 * `createServicesSubgraph`: the services subgraph (owner of `Service`) over
 * the service-item catalog's GBK CSV exports. Builds, never listens:
 * `main.ts` listens, tests call `fetch` in-process.
 */
import { ConfigError, createSubgraph, type Logger, type Subgraph } from '@govgraph/sdk';
import { fileSource } from '@govgraph/connector-file';
import type { ServicesSubgraphConfig } from './config';
import type { ServicesContext } from './services-context';
import { createServiceCatalog } from './service/service-catalog';
import { createServiceRowMapper } from './service/service.mapping';
import { createServiceLoaders, type ServiceLoaders } from './service/service.loader';
import { ServiceResolver } from './service/service.resolver';

/** Options of {@link createServicesSubgraph}. */
export interface CreateServicesSubgraphOptions {
  /** @default the SDK's pino logger to stdout */
  readonly logger?: Logger;
}

/**
 * Builds the services subgraph from a parsed config. `start()` (or
 * `listen()`) loads the newest catalog export; a newer export in the
 * directory is picked up while it runs, without a restart.
 * @throws ConfigError when `config.security` is missing (a subgraph must say how it trusts callers)
 */
export function createServicesSubgraph(config: ServicesSubgraphConfig, options: CreateServicesSubgraphOptions = {}): Subgraph {
  if (!config.security) throw new ConfigError(`services subgraph: config.security is required: { mode: 'verify', jwksUrl | publicKeyJwk | jwks } (the gateway's context token), or { mode: 'development' } on a developer's machine`);
  const catalog = createServiceCatalog(fileSource(config.catalog, createServiceRowMapper()));
  return createSubgraph({
    name: 'services',
    resolvers: [ServiceResolver],
    sources: { catalog },
    security: config.security,
    loaders: ({ sources }): ServiceLoaders => createServiceLoaders(sources.catalog),
    entities: {
      Service: {
        byKey: {
          code: {
            // Copies: @apollo/subgraph tags each resolved reference with `__typename`, which a frozen snapshot record refuses.
            load: async (codes, ctx: ServicesContext) => ctx.loaders.catalog().byCodes(codes).map((service) => ({ ...service })),
          },
        },
      },
    },
    readinessTimeoutMs: config.timeoutMs,
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
