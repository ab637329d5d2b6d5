export { createServicesSubgraph, type CreateServicesSubgraphOptions } from './app';
export { parseServicesSubgraphConfig, type ServicesSubgraphConfig } from './config';
export { servicesConfigFromEnv, type Environment } from './config-from-env';
