/**
 * The GraphQL context of the services subgraph: the SDK's per-request
 * context over this subgraph's one source (the catalog) and its loaders.
 */
import type { SubgraphContext } from '@govgraph/sdk';
import type { ServiceCatalog } from './service/service-catalog';
import type { ServiceLoaders } from './service/service.loader';

/** The sources of the services subgraph. */
export type ServicesSources = { readonly catalog: ServiceCatalog };

/** What the services resolvers receive as `@Ctx()`. */
export type ServicesContext = SubgraphContext<ServicesSources, ServiceLoaders>;
