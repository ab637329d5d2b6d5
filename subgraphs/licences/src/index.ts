export { createLicencesSubgraph, type LicencesSubgraph, type LicencesSubgraphOptions } from './app';
export {
  parseLicencesSubgraphConfig,
  DEFAULT_LICENCES_PORT,
  DEFAULT_LICENCE_DB_SCHEMA,
  type LicencesSubgraphConfig,
  type LicencesSubgraphConfigInput,
} from './config';
